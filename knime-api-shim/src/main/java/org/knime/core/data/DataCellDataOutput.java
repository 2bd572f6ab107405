/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data;

import java.io.DataOutput;
import java.io.IOException;

/** The output a {@link DataCellSerializer} writes to. */
public interface DataCellDataOutput extends DataOutput {
    void writeDataCell(DataCell cell) throws IOException;
}
