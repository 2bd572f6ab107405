package org.mrisr.nodes.writer;

import java.util.function.Consumer;

import org.knime.core.node.NodeSettings;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.SettingsModelWriterFileChooser;

/** The NIfTI Writer's "Write to" in saved settings, for tests outside this package (the chooser's config is replaced). */
public final class WriterLocations {
    private WriterLocations() {
    }

    /** Writes into the folder with the policy. */
    public static Consumer<NodeSettings> writeTo(final FSLocation folder, final FileOverwritePolicy policy) {
        return s -> {
            SettingsModelWriterFileChooser c = NiftiWriterSettings.output(
                new NiftiWriterNodeFactory().createNodeCreationConfig().getPortConfig().orElseThrow());
            c.setLocation(folder);
            c.setFileOverwritePolicy(policy);
            c.saveSettingsTo(s);
        };
    }
}
