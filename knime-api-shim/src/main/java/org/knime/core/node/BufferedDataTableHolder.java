/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node;

/**
 * Implemented by a node model that keeps tables of its own beyond its outputs. The framework takes
 * them from the model right after execute, saves them with the workflow and hands them back (a fresh
 * array) after the workflow is loaded again, after the model's internals. The shim models this in
 * {@link ShimHeadless#execute} and in {@code org.mrisr.knimeshim.ShimNodePersistence}.
 */
public interface BufferedDataTableHolder {

    /** @return the tables this model holds (elements may be null), read by the framework after execute */
    BufferedDataTable[] getInternalTables();

    /** @param tables the held tables, as restored by the framework (a copy of the saved array) */
    void setInternalTables(final BufferedDataTable[] tables);
}
