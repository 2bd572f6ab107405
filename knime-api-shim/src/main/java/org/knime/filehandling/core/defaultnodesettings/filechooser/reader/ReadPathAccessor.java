/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.defaultnodesettings.filechooser.reader;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.knime.core.node.InvalidSettingsException;
import org.knime.filehandling.core.connections.FSPath;
import org.knime.filehandling.core.defaultnodesettings.status.StatusMessage;

/**
 * The paths a reader node's file chooser selects. Close it when done: closing releases the file system of a
 * convenience location (its paths cannot be used after that).
 */
public interface ReadPathAccessor extends Closeable {
    /**
     * The selected paths, sorted by their strings: the file or folder itself in FILE/FOLDER mode, the matching
     * files (and/or folders) in the folder otherwise.
     *
     * @throws IOException if listing fails
     * @throws InvalidSettingsException if the location is empty, missing, or of the wrong kind
     */
    List<FSPath> getFSPaths(final Consumer<StatusMessage> statusMessageConsumer)
        throws IOException, InvalidSettingsException;

    default List<Path> getPaths(final Consumer<StatusMessage> statusMessageConsumer)
        throws IOException, InvalidSettingsException {
        return getFSPaths(statusMessageConsumer).stream().map(Path.class::cast).collect(Collectors.toList());
    }

    /** The path the search starts from (the location itself); it must exist and be readable. */
    FSPath getRootPath(final Consumer<StatusMessage> statusMessageConsumer)
        throws IOException, InvalidSettingsException;

    /** @throws IllegalStateException before the first getFSPaths/getPaths */
    FileFilterStatistic getFileFilterStatistic();
}
