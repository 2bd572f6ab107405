/*
 * SHIM-ONLY (not part of the KNIME API): the path of the shim's KNIME file systems.
 */
package org.mrisr.knimeshim.fs;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent.Kind;
import java.nio.file.WatchEvent.Modifier;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

import org.knime.filehandling.core.connections.FSPath;

/**
 * A path of a {@link ShimFileSystem}: the syntax of its "syntax path" (a path of the default or a zip file
 * system), relative paths resolved against the file system's working directory. The file system maps it
 * to the file it denotes.
 */
final class ShimPath extends FSPath {
    private final ShimFileSystem m_fs;
    private final Path m_path;

    ShimPath(final ShimFileSystem fs, final Path syntaxPath) {
        m_fs = fs;
        m_path = syntaxPath;
    }

    /** The path in the syntax file system. */
    Path syntaxPath() {
        return m_path;
    }

    private ShimPath wrap(final Path p) {
        return p == null ? null : new ShimPath(m_fs, p);
    }

    private Path unwrap(final Path other) {
        if (!(other instanceof ShimPath) || ((ShimPath)other).m_fs != m_fs) {
            throw new ProviderMismatchException("Path " + other + " is not of the file system of " + this);
        }
        return ((ShimPath)other).m_path;
    }

    @Override
    public ShimFileSystem getFileSystem() {
        return m_fs;
    }

    @Override
    public boolean isAbsolute() {
        return m_path.isAbsolute();
    }

    @Override
    public Path getRoot() {
        return wrap(m_path.getRoot());
    }

    @Override
    public Path getFileName() {
        return wrap(m_path.getFileName());
    }

    @Override
    public Path getParent() {
        return wrap(m_path.getParent());
    }

    @Override
    public int getNameCount() {
        return m_path.getNameCount();
    }

    @Override
    public Path getName(final int index) {
        return wrap(m_path.getName(index));
    }

    @Override
    public Path subpath(final int beginIndex, final int endIndex) {
        return wrap(m_path.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(final Path other) {
        return other instanceof ShimPath && ((ShimPath)other).m_fs == m_fs && m_path.startsWith(((ShimPath)other).m_path);
    }

    @Override
    public boolean endsWith(final Path other) {
        return other instanceof ShimPath && ((ShimPath)other).m_fs == m_fs && m_path.endsWith(((ShimPath)other).m_path);
    }

    @Override
    public Path normalize() {
        return wrap(m_path.normalize());
    }

    @Override
    public Path resolve(final Path other) {
        return wrap(m_path.resolve(unwrap(other)));
    }

    @Override
    public Path relativize(final Path other) {
        return wrap(m_path.relativize(unwrap(other)));
    }

    @Override
    public Path toAbsolutePath() {
        return m_path.isAbsolute() ? this : wrap(m_fs.getWorkingDirectory().m_path.resolve(m_path));
    }

    @Override
    public Path toRealPath(final LinkOption... options) throws IOException {
        return m_fs.toRealPath(this, options);
    }

    @Override
    public WatchKey register(final WatchService watcher, final Kind<?>[] events, final Modifier... modifiers) {
        throw new UnsupportedOperationException("Watching paths is not supported by KNIME file systems");
    }

    @Override
    public int compareTo(final Path other) {
        return m_path.compareTo(unwrap(other));
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof ShimPath && ((ShimPath)obj).m_fs == m_fs && ((ShimPath)obj).m_path.equals(m_path);
    }

    @Override
    public int hashCode() {
        return m_path.hashCode();
    }

    @Override
    public String toString() {
        return m_path.toString();
    }
}
