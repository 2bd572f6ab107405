package org.mrisr.nodes.files;

import java.nio.file.AccessDeniedException;

import org.knime.core.node.InvalidSettingsException;
import org.knime.filehandling.core.connections.FSFiles;
import org.knime.filehandling.core.connections.FSPath;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;

/**
 * The writers' "If exists" policy. KNIME's FAIL and IGNORE both open files with CREATE_NEW, which fails
 * on an existing file with a bare FileAlreadyExistsException; the writers check first instead, so that
 * FAIL names the file and the option and IGNORE leaves the file alone without failing.
 */
public final class IfExists {
    private IfExists() {
    }

    /**
     * Whether to write {@code target}: true when it does not exist or the policy is overwrite, false when
     * it exists and the policy is ignore.
     *
     * @throws InvalidSettingsException when it exists and the policy is fail
     */
    public static boolean write(final FSPath target, final FileOverwritePolicy policy)
        throws InvalidSettingsException, AccessDeniedException {
        if (policy == FileOverwritePolicy.OVERWRITE || !FSFiles.exists(target)) {
            return true;
        }
        if (policy == FileOverwritePolicy.IGNORE) {
            return false;
        }
        throw new InvalidSettingsException("File " + FsPaths.describe(target) + " already exists (If exists: "
            + policy.getText() + "): choose 'overwrite' (replace it) or 'ignore' (keep it) under 'If exists' in the "
            + "node dialog, or write to another place");
    }
}
