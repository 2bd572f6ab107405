/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.util;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.filehandling.core.connections.DefaultFSLocationSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocationSpec;
import org.knime.filehandling.core.data.location.FSLocationValue;
import org.knime.filehandling.core.data.location.FSLocationValueMetaData;
import org.knime.filehandling.core.port.FileSystemPortObjectSpec;

/** Checks of "Path" columns for nodes that read the paths in a column. */
public final class FSLocationColumnUtils {
    private FSLocationColumnUtils() {
    }

    /**
     * Checks that the column holds paths and that its file systems can be used: with a file system port, paths of
     * other file systems give a warning (they are resolved on the port's file system); without, a column of only
     * connected file systems is an error and one with some a warning.
     *
     * @param fsSpec the spec at the node's file system port, null without one
     * @return a warning for the node, if any
     * @throws InvalidSettingsException if the column has the wrong type or only connected file systems
     * @throws FSMissingMetadataException if the column has no FSLocationValueMetaData
     */
    public static Optional<String> validateFSLocationColumn(final DataColumnSpec fsLocationColSpec,
        final FileSystemPortObjectSpec fsSpec) throws InvalidSettingsException {
        String name = fsLocationColSpec.getName();
        if (!fsLocationColSpec.getType().isCompatible(FSLocationValue.class)) {
            throw new InvalidSettingsException(String.format("The selected column '%s' has the wrong type.", name));
        }
        Set<DefaultFSLocationSpec> specs = validateAndGetMetaData(fsLocationColSpec).getFSLocationSpecs();
        if (fsSpec != null) {
            if (specs.stream().anyMatch(e -> !FSLocationSpec.areEqual(e, fsSpec.getFSLocationSpec()))) {
                return Optional.of(String.format("The selected column '%s' seems to contain a path referencing a "
                    + " different file system than the one at the input port. Such paths will be"
                    + " resolved against the file system at the input port (%s).", name,
                    fsSpec.getFSLocationSpec().getFileSystemSpecifier().orElse("")));
            }
            return Optional.empty();
        }
        Map<Boolean, List<DefaultFSLocationSpec>> connected =
            specs.stream().collect(Collectors.partitioningBy(e -> e.getFSCategory() == FSCategory.CONNECTED));
        if (connected.get(Boolean.FALSE).isEmpty()) {
            throw new InvalidSettingsException(String.format(
                "The selected column '%s' references a connected file system (%s). Please add the missing file "
                    + "system connection port.",
                name, connected.get(Boolean.TRUE).get(0).getFileSystemSpecifier().orElse("")));
        }
        if (!connected.get(Boolean.TRUE).isEmpty()) {
            return Optional.of(String.format("The selected column '%s' seems to contain a path referencing a file"
                + " system that requires to be connected (%s). The node will fail during execution in such case.", name,
                connected.get(Boolean.TRUE).get(0).getFileSystemSpecifier().orElse("")));
        }
        return Optional.empty();
    }

    /** @throws FSMissingMetadataException if the column has no FSLocationValueMetaData */
    public static FSLocationValueMetaData validateAndGetMetaData(final DataColumnSpec fsLocationColSpec) {
        return fsLocationColSpec.getMetaDataOfType(FSLocationValueMetaData.class).orElseThrow(
            () -> new FSMissingMetadataException(
                String.format("Path column '%s' without meta data encountered.", fsLocationColSpec.getName())));
    }
}
