/*
 * SHIM-ONLY (not part of the KNIME API; tests only, never plugin main code).
 */
package org.mrisr.knimeshim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The workflow that {@code knime://} URLs resolve against in the shim's
 * {@link org.knime.core.util.FileUtil} (in KNIME the node's workflow context does this):
 * <ul>
 * <li>{@code knime://knime.workflow/<path>}: relative to the workflow directory;</li>
 * <li>{@code knime://knime.mountpoint/<path>} and {@code knime://<mount id>/<path>}: relative to the
 * mount point root;</li>
 * <li>{@code knime://<remote mount id>/...} of a mount point declared {@link Scope#withRemoteMountpoint
 * remote}: not local (FileUtil resolves it to null, as KNIME does for a Hub or Server mount point);</li>
 * <li>other hosts (e.g. {@code knime.node}, unknown mount IDs), no context set, or a path leaving the
 * mount point: an IOException.</li>
 * </ul>
 * A workflow that is not in a mount point ({@link #setNotInSpace}: not imported into a space, e.g. run
 * from a temporary copy) can reach only its own folder: {@code knime://knime.workflow/../...} leaving it
 * and mount point URLs fail, with KNIME's messages (knime-core's
 * {@code org.knime.core.util.urlresolve.AnalyticsPlatformLocalUrlResolver}, which the knime:// URL handler
 * of KNIME's workbench resolves through).
 * The context is global (not per thread like KNIME's node context): set it in a test with
 * try-with-resources, which restores the previous one.
 *
 * <pre>
 * try (var ctx = ShimWorkflowContext.set(mountRoot.resolve("group/flow"), mountRoot)) {
 *     Path p = FileUtil.resolveToPath(FileUtil.toURL("knime://knime.workflow/../data/t1.nii.gz"));
 * }
 * </pre>
 */
public final class ShimWorkflowContext {
    /** The mount ID of the local mount point unless given otherwise (KNIME's default local workspace). */
    public static final String DEFAULT_MOUNT_ID = "LOCAL";

    private static final String WORKFLOW_HOST = "knime.workflow";

    private static final String MOUNTPOINT_HOST = "knime.mountpoint";

    private static final URLStreamHandler HANDLER = new KnimeHandler();

    private static volatile State current;

    private ShimWorkflowContext() {
    }

    private static final class State {
        final Path m_workflowDir;

        /** Null for a workflow that is not in a mount point. */
        final Path m_mountpointRoot;

        /** Null for a workflow that is not in a mount point. */
        final String m_mountId;

        final Set<String> m_remoteMountIds;

        State(final Path workflowDir, final Path mountpointRoot, final String mountId, final Set<String> remote) {
            m_workflowDir = workflowDir;
            m_mountpointRoot = mountpointRoot;
            m_mountId = mountId;
            m_remoteMountIds = remote;
        }
    }

    /** Restores the context that was current before {@link ShimWorkflowContext#set} when closed. */
    public static final class Scope implements AutoCloseable {
        private final State m_previous;

        private Scope(final State previous) {
            m_previous = previous;
        }

        /** Declares a mount point that is not local (a Hub/Server one): its knime:// URLs resolve to null. */
        public Scope withRemoteMountpoint(final String mountId) {
            State s = current;
            Set<String> remote = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            remote.addAll(s.m_remoteMountIds);
            remote.add(Objects.requireNonNull(mountId));
            current = new State(s.m_workflowDir, s.m_mountpointRoot, s.m_mountId, remote);
            return this;
        }

        @Override
        public void close() {
            current = m_previous;
        }
    }

    /** Sets the current workflow and its (local, {@value #DEFAULT_MOUNT_ID}) mount point root. */
    public static Scope set(final Path workflowDir, final Path mountpointRoot) {
        return set(workflowDir, mountpointRoot, DEFAULT_MOUNT_ID);
    }

    /**
     * Sets the current workflow and its local mount point. The workflow directory must lie inside the
     * mount point root.
     */
    public static Scope set(final Path workflowDir, final Path mountpointRoot, final String mountId) {
        Path root = mountpointRoot.toAbsolutePath().normalize();
        Path wf = workflowDir.toAbsolutePath().normalize();
        if (!wf.startsWith(root)) {
            throw new IllegalArgumentException("Workflow " + wf + " is not inside the mount point " + root);
        }
        State previous = current;
        current = new State(wf, root, Objects.requireNonNull(mountId), new TreeSet<>(String.CASE_INSENSITIVE_ORDER));
        return new Scope(previous);
    }

    /**
     * Sets the current workflow as one that is not in any mount point (not imported into a space), e.g. a
     * workflow run from a temporary copy: knime:// URLs then resolve only inside its own folder.
     */
    public static Scope setNotInSpace(final Path workflowDir) {
        State previous = current;
        current = new State(workflowDir.toAbsolutePath().normalize(), null, null,
            new TreeSet<>(String.CASE_INSENSITIVE_ORDER));
        return new Scope(previous);
    }

    /** Removes the current context (knime:// URLs then fail to resolve). */
    public static void clear() {
        current = null;
    }

    /** The current workflow directory, or null when no context is set. */
    public static Path workflowDir() {
        State s = current;
        return s == null ? null : s.m_workflowDir;
    }

    /** The current mount point root, or null when no context is set or the workflow is not in one. */
    public static Path mountpointRoot() {
        State s = current;
        return s == null ? null : s.m_mountpointRoot;
    }

    /** The mount ID of the current local mount point, or null when no context is set. */
    public static String mountId() {
        State s = current;
        return s == null ? null : s.m_mountId;
    }

    /** Whether the mount ID was declared a remote (Hub/Server) mount point of the current context. */
    public static boolean isRemoteMountpoint(final String mountId) {
        State s = current;
        return s != null && s.m_remoteMountIds.contains(mountId);
    }

    /** Whether the URL uses the knime protocol. */
    public static boolean isKnimeUrl(final URL url) {
        return "knime".equalsIgnoreCase(url.getProtocol());
    }

    /**
     * A knime:// URL for a string such as {@code knime://knime.workflow/data/x.nii}, built with the shim's
     * own stream handler (a plain JVM knows no "knime" protocol; KNIME registers one). Its connection is
     * that of the local file it resolves to.
     */
    public static URL knimeUrl(final String spec) throws MalformedURLException {
        String rest = spec.substring(spec.indexOf(':') + 1);
        if (!spec.regionMatches(true, 0, "knime:", 0, 6) || !rest.startsWith("//")) {
            throw new MalformedURLException("Not a knime://host/path URL: " + spec);
        }
        rest = rest.substring(2);
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        String file = slash < 0 ? "" : rest.substring(slash);
        if (host.isEmpty()) {
            throw new MalformedURLException("knime URL without host (mount point or knime.workflow): " + spec);
        }
        return new URL("knime", host, -1, file, HANDLER);
    }

    /**
     * The local path a knime:// URL denotes, or null if it lies on a remote mount point.
     *
     * @throws IOException no context set, a host the shim cannot resolve, or a path leaving the mount point
     */
    public static Path resolve(final URL url) throws IOException {
        if (!isKnimeUrl(url)) {
            throw new IllegalArgumentException("Not a knime URL: " + url);
        }
        State s = current;
        String host = url.getHost() == null ? "" : url.getHost();
        if (s == null) {
            throw new IOException("No workflow context set (ShimWorkflowContext.set), cannot resolve " + url);
        }
        boolean workflowRelative = WORKFLOW_HOST.equalsIgnoreCase(host);
        Path base;
        if (workflowRelative) {
            base = s.m_workflowDir;
        } else if (MOUNTPOINT_HOST.equalsIgnoreCase(host)) {
            if (s.m_mountpointRoot == null) {
                throw new IOException("Mountpoint or space relative URL needs a mountpoint.");
            }
            base = s.m_mountpointRoot;
        } else if (host.equalsIgnoreCase(s.m_mountId)) {
            base = s.m_mountpointRoot;
        } else if (s.m_remoteMountIds.contains(host)) {
            return null;
        } else {
            throw new IOException("Unknown or unsupported mount point '" + host + "' in " + url);
        }
        String path;
        try {
            path = url.toURI().getPath(); // decodes %XX escapes
        } catch (URISyntaxException e) {
            throw new IOException("Invalid knime URL " + url + ": " + e.getMessage(), e);
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        Path resolved = base.resolve(path).normalize();
        if (s.m_mountpointRoot == null) {
            if (!resolved.startsWith(s.m_workflowDir)) {
                throw new IOException(
                    "Cannot access items outside the workflow because it is not imported into a space: '" + url + "'");
            }
        } else if (!resolved.startsWith(s.m_mountpointRoot)) {
            throw new IOException("Leaving the mount point is not allowed for " + (workflowRelative ? "workflow " : "")
                + "relative URLs: " + resolved + " is not in " + s.m_mountpointRoot);
        }
        return resolved;
    }

    /** The "knime" protocol: connections are those of the resolved local file. */
    private static final class KnimeHandler extends URLStreamHandler {
        @Override
        protected URLConnection openConnection(final URL u) throws IOException {
            Path p = resolve(u);
            if (p == null) {
                return new RemoteConnection(u);
            }
            return p.toUri().toURL().openConnection();
        }

        // No DNS lookups for mount IDs in equals/hashCode (URLStreamHandler's defaults resolve the host).
        @Override
        protected InetAddress getHostAddress(final URL u) {
            return null;
        }

        @Override
        protected boolean hostsEqual(final URL u1, final URL u2) {
            String h1 = u1.getHost() == null ? "" : u1.getHost().toLowerCase(Locale.ROOT);
            String h2 = u2.getHost() == null ? "" : u2.getHost().toLowerCase(Locale.ROOT);
            return h1.equals(h2);
        }
    }

    /** A knime URL on a remote mount point: its URL stays knime://, it cannot be read in the shim. */
    private static final class RemoteConnection extends URLConnection {
        RemoteConnection(final URL url) {
            super(url);
        }

        @Override
        public void connect() throws IOException {
            throw new IOException("Remote mount point of " + getURL() + " is not reachable in the KNIME shim");
        }
    }
}
