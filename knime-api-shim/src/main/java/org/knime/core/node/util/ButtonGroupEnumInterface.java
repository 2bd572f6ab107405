/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.util;

/** An enum whose constants are offered as a group of radio buttons (text, action command, tooltip, default). */
public interface ButtonGroupEnumInterface {
    public String getText();

    public String getActionCommand();

    public String getToolTip();

    public boolean isDefault();
}
