/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser.reader;

import java.util.function.Function;

import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.util.FileSystemBrowser.DialogType;
import org.knime.filehandling.core.defaultnodesettings.filechooser.AbstractDialogComponentFileChooser;
import org.knime.filehandling.core.defaultnodesettings.filechooser.StatusMessageReporter;

/**
 * The "Read from" file chooser of a reader node's dialog. Create the flow variable model with
 * {@code createFlowVariableModel(model.getKeysForFSLocation(), FSLocationVariableType.INSTANCE)}.
 */
public final class DialogComponentReaderFileChooser
    extends AbstractDialogComponentFileChooser<SettingsModelReaderFileChooser> {

    /** The status line reports whether the selected files can be read. */
    public DialogComponentReaderFileChooser(final SettingsModelReaderFileChooser model, final String historyID,
        final FlowVariableModel locationFvm) {
        this(model, historyID, locationFvm, m -> m::getStatusMessage);
    }

    public DialogComponentReaderFileChooser(final SettingsModelReaderFileChooser model, final String historyID,
        final FlowVariableModel locationFvm,
        final Function<SettingsModelReaderFileChooser, StatusMessageReporter> statusMessageReporter) {
        super(model, historyID, DialogType.OPEN_DIALOG, "Read from", locationFvm, statusMessageReporter);
    }
}
