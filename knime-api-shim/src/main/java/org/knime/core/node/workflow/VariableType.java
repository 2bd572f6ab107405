/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.workflow;

/**
 * The type of a flow variable (string, int, path, ...). The shim runs no flow variables: a type is only
 * what a dialog's {@link org.knime.core.node.FlowVariableModel} is created with.
 */
public abstract class VariableType<T> {
    /** The Java class of this type's values. */
    public abstract Class<T> getSimpleType();

    /** A unique identifier of the type; for types KNIME does not know natively, the class name without "Type". */
    public String getIdentifier() {
        return getClass().getSimpleName().replace("Type", "").toUpperCase();
    }

    @Override
    public String toString() {
        return getIdentifier();
    }
}
