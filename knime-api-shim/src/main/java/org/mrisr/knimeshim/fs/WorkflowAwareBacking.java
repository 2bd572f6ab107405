/*
 * SHIM-ONLY (not part of the KNIME API).
 */
package org.mrisr.knimeshim.fs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of the local disk seen as a KNIME workflow-aware file system rooted at "/" (the "Relative to"
 * and "Mountpoint" file systems), with KNIME's rules: nothing outside the root, nothing inside a workflow
 * (a folder holding workflow.knime or template.knime, or the current workflow), no ".metadata" folder at
 * the root, workflows are "other" files (neither regular file nor folder), and each kind of item supports
 * its own operations (a workflow cannot be read or listed, a folder cannot be read).
 */
final class WorkflowAwareBacking implements Backing {
    private final Path m_root;
    private final Path m_currentWorkflow;

    /**
     * @param root the local folder that is "/"
     * @param currentWorkflow the folder of the current workflow (a workflow even without workflow.knime), or null
     */
    WorkflowAwareBacking(final Path root, final Path currentWorkflow) {
        m_root = root.toAbsolutePath().normalize();
        m_currentWorkflow = currentWorkflow == null ? null : currentWorkflow.toAbsolutePath().normalize();
    }

    @Override
    public Path file(final ShimPath absolute, final Access access) throws IOException {
        String shown = absolute.toString();
        List<String> names = normalizedNames(absolute);
        if (names == null || (!names.isEmpty() && names.get(0).equals(".metadata"))
            || (!names.isEmpty() && names.get(names.size() - 1).equals("workflowset.meta"))) {
            throw new NoSuchFileException(shown);
        }
        Path file = m_root;
        for (int i = 0; i < names.size(); i++) {
            if (isWorkflow(file)) {
                throw new NoSuchFileException(shown, null, "Accessing paths inside a workflow is not allowed.");
            }
            file = file.resolve(names.get(i));
        }
        checkSupported(shown, file, access);
        return file;
    }

    /** The names of the normalised absolute path, or null if it leaves the root. */
    private static List<String> normalizedNames(final ShimPath absolute) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < absolute.getNameCount(); i++) {
            String n = absolute.getName(i).toString();
            if (n.equals("..")) {
                if (names.isEmpty()) {
                    return null;
                }
                names.remove(names.size() - 1);
            } else if (!n.equals(".") && !n.isEmpty()) {
                names.add(n);
            }
        }
        return names;
    }

    /** KNIME's Entity rules: what a workflow, a folder (workflow group) or a data file supports. */
    private void checkSupported(final String shown, final Path file, final Access access) throws FileSystemException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String entity;
        boolean supported;
        if (isWorkflow(file)) {
            entity = "Workflow";
            supported = access == Access.ATTRIBUTES || access == Access.OTHER;
        } else if (Files.isDirectory(file)) {
            entity = "Workflow group";
            supported = access != Access.READ && access != Access.WRITE;
        } else {
            entity = "Data item";
            supported = access != Access.LIST && access != Access.CREATE_FOLDER;
        }
        if (!supported) {
            throw new FileSystemException(shown, null, message(access, entity));
        }
    }

    private static String message(final Access access, final String entity) {
        String workflowNote = entity.equals("Workflow")
            ? " See the Integrated Deployment extension for handling workflows." : "";
        switch (access) {
            case READ:
                return String.format("Reading a %s is not possible.", entity) + workflowNote;
            case WRITE:
                return String.format("Overwriting a %s is not possible.", entity) + workflowNote;
            case LIST:
                return String.format("It's not possible to list the folder content of a %s.", entity);
            default:
                return String.format("It's not possible to create a folder in a %s.", entity);
        }
    }

    boolean isWorkflow(final Path file) {
        return file.equals(m_currentWorkflow) || Files.exists(file.resolve("workflow.knime"))
            || Files.exists(file.resolve("template.knime"));
    }

    @Override
    public Path syntaxOf(final Path file) {
        Path rel = m_root.relativize(file.toAbsolutePath().normalize());
        return rel.getFileSystem().getPath("/").resolve(rel);
    }

    @Override
    public BasicFileAttributes attributes(final Path file, final BasicFileAttributes a) {
        return isWorkflow(file) ? new WorkflowAttributes(a) : a;
    }

    @Override
    public boolean listed(final ShimPath absolute) {
        String name = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        return !name.equals("workflowset.meta") && !(absolute.getNameCount() == 1 && name.equals(".metadata"));
    }

    /** A workflow is an atomic "other" item, neither file nor folder (KNIME: AP-15972). */
    private static final class WorkflowAttributes implements BasicFileAttributes {
        private final BasicFileAttributes m_a;

        WorkflowAttributes(final BasicFileAttributes a) {
            m_a = a;
        }

        @Override
        public FileTime lastModifiedTime() {
            return m_a.lastModifiedTime();
        }

        @Override
        public FileTime lastAccessTime() {
            return m_a.lastAccessTime();
        }

        @Override
        public FileTime creationTime() {
            return m_a.creationTime();
        }

        @Override
        public boolean isRegularFile() {
            return false;
        }

        @Override
        public boolean isDirectory() {
            return false;
        }

        @Override
        public boolean isSymbolicLink() {
            return false;
        }

        @Override
        public boolean isOther() {
            return true;
        }

        @Override
        public long size() {
            return m_a.size();
        }

        @Override
        public Object fileKey() {
            return m_a.fileKey();
        }
    }
}
