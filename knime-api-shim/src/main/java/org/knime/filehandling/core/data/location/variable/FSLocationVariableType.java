/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.data.location.variable;

import org.knime.core.node.workflow.VariableType;
import org.knime.filehandling.core.connections.FSLocation;

/** The flow variable type of locations ("path" variables), used for a file chooser's flow variable model. */
public final class FSLocationVariableType extends VariableType<FSLocation> {
    public static final FSLocationVariableType INSTANCE = new FSLocationVariableType();

    private FSLocationVariableType() {
    }

    @Override
    public Class<FSLocation> getSimpleType() {
        return FSLocation.class;
    }

    @Override
    public String getIdentifier() {
        return "FSLocation";
    }
}
