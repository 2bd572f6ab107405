/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.defaultnodesettings;

/** Base of the numeric settings shown by {@link DialogComponentNumber}. */
public abstract class SettingsModelNumber extends SettingsModel {
    SettingsModelNumber() {
    }

    /** Shim internal: the value as a Number, for the dialog component. */
    abstract Number numberValue();

    /** Shim internal: set from the dialog (throws IllegalArgumentException when out of bounds). */
    abstract void setNumber(Number n);

    /** Shim internal: bounds for the dialog's spinner. */
    abstract Number lower();

    abstract Number upper();
}
