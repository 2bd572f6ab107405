/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.data.meta;

/**
 * Meta data of a column (e.g. which file systems the paths of a "Path" column are on). Marker interface;
 * column specs hold at most one meta data object per class.
 */
public interface DataColumnMetaData {
    // marker interface
}
