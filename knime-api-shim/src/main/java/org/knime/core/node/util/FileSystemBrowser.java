/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.core.node.util;

import javax.swing.JFileChooser;

/**
 * A file browser of a dialog. The shim has no browser; it declares the dialog type that file chooser
 * components are created with.
 */
public interface FileSystemBrowser {
    /** Whether a browser opens or saves. */
    enum DialogType {
        OPEN_DIALOG(JFileChooser.OPEN_DIALOG), SAVE_DIALOG(JFileChooser.SAVE_DIALOG);

        private final int m_code;

        DialogType(final int code) {
            m_code = code;
        }

        public int getJFileChooserCode() {
            return m_code;
        }
    }
}
