/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data;

import java.io.IOException;

/** Writes and reads cells of one class; registered with the cell class in plugin.xml. */
public interface DataCellSerializer<T extends DataCell> {
    void serialize(T cell, DataCellDataOutput output) throws IOException;

    T deserialize(DataCellDataInput input) throws IOException;
}
