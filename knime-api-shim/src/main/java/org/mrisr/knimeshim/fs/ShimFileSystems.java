/*
 * SHIM-ONLY (not part of the KNIME API; the KNIME stand-in classes and tests use it, plugin main code never):
 * creates the shim's KNIME file system connections.
 */
package org.mrisr.knimeshim.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import org.knime.core.util.FileUtil;
import org.knime.filehandling.core.connections.DefaultFSLocationSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSConnection;
import org.knime.filehandling.core.connections.FSFileSystem;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.FSLocationSpec;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.connections.meta.FSType;
import org.knime.filehandling.core.connections.meta.FSTypeRegistry;
import org.mrisr.knimeshim.ShimWorkflowContext;

/**
 * The file systems of the shim, as KNIME's are:
 * <ul>
 * <li>{@link #local()}: "Local File System" (category LOCAL; relative paths resolve against user.home);</li>
 * <li>{@link #relativeTo(RelativeTo)}: "Relative to" the current workflow, its data area or mountpoint, from
 * {@link ShimWorkflowContext} (workflow-aware: nothing inside a workflow, nothing outside the mountpoint);</li>
 * <li>{@link #mountpoint(String)}: the local mountpoint of the context by its mount ID;</li>
 * <li>{@link #customUrl(String)}: file: and knime: URLs that denote local files (FILE mode only);</li>
 * <li>{@link #zip(Path)}: a connected, non-default file system (category CONNECTED, type "shim-zip") kept
 * in memory by the JDK's zipfs and written to a zip file when the connection closes: it proves a node
 * reads and writes through FSPath streams, never through local files;</li>
 * <li>{@link #connectedLocal(Path)}: the local disk as a connected file system (KNIME's Local File System
 * Connector), relative paths resolving against the working directory given.</li>
 * </ul>
 * Hub spaces and remote mountpoints are not reachable in the shim.
 */
public final class ShimFileSystems {
    /** The type of the zip file system (a connected file system as e.g. S3 is in KNIME). */
    public static final FSType ZIP_FS_TYPE = FSTypeRegistry.getOrCreateFSType("shim-zip", "Zip file (KNIME shim)");

    /** Default timeout of KNIME's custom URL file system, in ms: the specifier of CUSTOM_URL locations. */
    public static final int DEFAULT_URL_TIMEOUT_MILLIS = 1000;

    private ShimFileSystems() {
    }

    /** KNIME's "Local File System" convenience connection. */
    public static FSConnection local() {
        return connection(new ShimFileSystem(URI.create(FSType.LOCAL_FS.getTypeId() + ":///"),
            new DefaultFSLocationSpec(FSCategory.LOCAL), System.getProperty("user.home"), FileSystems.getDefault(),
            new DirectBacking(null), FSLocation::getPath));
    }

    /** The local disk as a connected file system (KNIME's Local File System Connector). */
    public static FSConnection connectedLocal(final Path workingDir) {
        return connection(new ShimFileSystem(URI.create(FSType.LOCAL_FS.getTypeId() + ":///"),
            new DefaultFSLocationSpec(FSCategory.CONNECTED, FSType.LOCAL_FS.getTypeId()),
            workingDir.toAbsolutePath().normalize().toString(), FileSystems.getDefault(), new DirectBacking(null),
            FSLocation::getPath));
    }

    /**
     * A "Relative to" convenience connection of the current {@link ShimWorkflowContext}. Its root "/" is the
     * mountpoint (the workflow's data folder for WORKFLOW_DATA, created if missing); its working directory is
     * the workflow for WORKFLOW, "/" otherwise.
     *
     * @throws IllegalStateException without a workflow context, or for SPACE (no Hub in the shim)
     */
    public static FSConnection relativeTo(final RelativeTo type) {
        Path workflow = ShimWorkflowContext.workflowDir();
        Path mountRoot = ShimWorkflowContext.mountpointRoot();
        if (workflow == null) {
            throw new IllegalStateException("No workflow context available (ShimWorkflowContext.set)");
        }
        FSLocationSpec spec = new DefaultFSLocationSpec(FSCategory.RELATIVE, type.getSettingsValue());
        switch (type) {
            case WORKFLOW:
                return workflowAware(spec, mountRoot, "/" + mountRoot.relativize(workflow), workflow);
            case MOUNTPOINT:
                return workflowAware(spec, mountRoot, "/", workflow);
            case WORKFLOW_DATA:
                Path data = workflow.resolve("data");
                try {
                    Files.createDirectories(data);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot create the workflow data area " + data, e);
                }
                return workflowAware(spec, data, "/", null);
            default:
                throw new IllegalStateException("Current workflow must be stored on a KNIME Hub (relative to " + type
                    + " is not available in the shim).");
        }
    }

    /**
     * The local mountpoint of the current {@link ShimWorkflowContext} ("/" is its root).
     *
     * @throws IllegalArgumentException if the mount ID is not the context's local one
     */
    public static FSConnection mountpoint(final String mountId) {
        Path mountRoot = ShimWorkflowContext.mountpointRoot();
        if (mountRoot != null && ShimWorkflowContext.isRemoteMountpoint(mountId)) {
            throw new IllegalArgumentException(String.format("The selected mountpoint '%s' is not connected.", mountId));
        }
        if (mountRoot == null || !mountId.equalsIgnoreCase(ShimWorkflowContext.mountId())) {
            throw new IllegalArgumentException(String.format("The selected mountpoint '%s' is unknown.", mountId));
        }
        return workflowAware(new DefaultFSLocationSpec(FSCategory.MOUNTPOINT, mountId), mountRoot, "/",
            ShimWorkflowContext.workflowDir());
    }

    /**
     * KNIME's "Custom/KNIME URL" file system for a location whose path is a URL: file: URLs and knime: URLs of
     * the local mountpoint (resolved with FileUtil and the workflow context).
     */
    public static FSConnection customUrl(final String timeoutSpecifier) {
        Function<FSLocation, String> urlToPath = loc -> localPathOfUrl(loc.getPath());
        return connection(new ShimFileSystem(URI.create(FSType.CUSTOM_URL.getTypeId() + ":///"),
            new DefaultFSLocationSpec(FSCategory.CUSTOM_URL, timeoutSpecifier), System.getProperty("user.home"),
            FileSystems.getDefault(), new DirectBacking(null), urlToPath));
    }

    private static String localPathOfUrl(final String url) {
        try {
            URL u = FileUtil.toURL(url);
            Path p = FileUtil.resolveToPath(u);
            if (p == null) {
                throw new IllegalArgumentException("The URL " + url + " does not denote a local file; only local file:"
                    + " and knime: URLs are reachable in the KNIME shim");
            }
            return p.toString();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalArgumentException("Cannot resolve the URL " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * A connected zip file system: an existing zip is opened, a missing one created when the connection closes.
     * The connection must be closed for the contents to be written.
     */
    public static FSConnection zip(final Path zipFile) {
        try {
            FileSystem zipfs = FileSystems.newFileSystem(zipFile, Map.of("create", "true"));
            String specifier = ZIP_FS_TYPE.getTypeId() + ":" + zipFile.getFileName();
            return connection(new ShimFileSystem(URI.create(ZIP_FS_TYPE.getTypeId() + ":///"),
                new DefaultFSLocationSpec(FSCategory.CONNECTED, specifier), "/", zipfs, new DirectBacking(zipfs),
                FSLocation::getPath));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the zip file system " + zipFile, e);
        }
    }

    /** The convenience connection KNIME creates for a location (all categories but CONNECTED). */
    public static FSConnection forLocation(final FSLocation location) {
        FSCategory category = location.getFSCategory();
        String specifier = location.getFileSystemSpecifier().orElse(null);
        switch (category) {
            case LOCAL:
                return local();
            case RELATIVE:
                if (specifier == null) {
                    throw new IllegalArgumentException(
                        String.format("The provided location '%s' does not specify the relative-to type.", location));
                }
                return relativeTo(RelativeTo.fromSettingsValue(specifier));
            case MOUNTPOINT:
                if (specifier == null) {
                    throw new IllegalArgumentException(
                        String.format("The provided location '%s' does not specify a mountpoint.", location));
                }
                return mountpoint(specifier);
            case CUSTOM_URL:
                return customUrl(specifier);
            case HUB_SPACE:
                throw new IllegalStateException("Current workflow must be stored on a KNIME Hub.");
            default:
                throw new IllegalArgumentException("No convenience file system for a connected location: " + location);
        }
    }

    private static FSConnection workflowAware(final FSLocationSpec spec, final Path root, final String workingDir,
        final Path currentWorkflow) {
        return connection(new ShimFileSystem(URI.create(spec.getFSType().getTypeId() + ":///"), spec, workingDir,
            FileSystems.getDefault(), new WorkflowAwareBacking(root, currentWorkflow), FSLocation::getPath));
    }

    private static FSConnection connection(final ShimFileSystem fs) {
        return new FSConnection() {
            @Override
            public FSFileSystem<?> getFileSystem() {
                return fs;
            }

            @Override
            public String toString() {
                return "FSConnection" + fs.getFSLocationSpec();
            }
        };
    }
}
