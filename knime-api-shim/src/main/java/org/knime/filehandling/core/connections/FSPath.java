/*
 * Compile-and-test stand-in for the KNIME API (KNIME AP 5.5), written from scratch for mrisr.
 * Not KNIME code and never shipped: at run time KNIME provides the real class. Only the members
 * listed in knime-api-shim/SIGNATURES.txt are public API; they match KNIME's signatures.
 */
package org.knime.filehandling.core.connections;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A path of a KNIME file system; converts to an {@link FSLocation}. Like any path of a non-default file
 * system it has no {@link #toFile()} (that throws UnsupportedOperationException): read and write it with
 * {@link java.nio.file.Files}.
 */
public abstract class FSPath implements Path {
    /** Separator of the name components in a URI. */
    public static final String URI_SEPARATOR = "/";

    @Override
    public abstract FSFileSystem<? extends FSPath> getFileSystem();

    public Stream<String> stringStream() {
        return pathStream().map(Path::toString);
    }

    public Stream<Path> pathStream() {
        return IntStream.range(0, getNameCount()).mapToObj(this::getName);
    }

    /** The location of this path: the file system's category and specifier plus {@link #toString()}. */
    public FSLocation toFSLocation() {
        FSFileSystem<?> fs = getFileSystem();
        return new FSLocation(fs.getFileSystemCategory().toString(), fs.getFileSystemSpecifier().orElse(null),
            toString());
    }

    /** Absolute, normalised, "/"-separated, not percent-encoded. */
    public String getURICompatiblePath() {
        String[] names = ((FSPath)toAbsolutePath().normalize()).stringStream().toArray(String[]::new);
        return URI_SEPARATOR + String.join(URI_SEPARATOR, names);
    }

    /** An internal URI of the file system implementation (rarely what a node wants). */
    @Override
    public final URI toUri() {
        try {
            URI base = getFileSystem().getFileSystemBaseURI();
            return new URI(base.getScheme(), base.getAuthority(), getURICompatiblePath(), null, null);
        } catch (URISyntaxException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    /** Resolves the names one after the other. */
    public final FSPath resolve(final String[] other) {
        if (other == null || other.length == 0) {
            throw new IllegalArgumentException("Unable to resolve against an empty path");
        }
        FSPath p = (FSPath)resolve(other[0]);
        for (int i = 1; i < other.length; i++) {
            p = (FSPath)p.resolve(other[i]);
        }
        return p;
    }
}
