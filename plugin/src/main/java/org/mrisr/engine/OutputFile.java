package org.mrisr.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Checks, before any long computation, that results can be written where the user asked: the
 * name has an extension of its kind, its folder exists (is a folder, writable) and the path is not
 * a folder; with {@link #check(Path, Kind, boolean, Collection)} also that it is none of the inputs
 * (same file, whatever path names it) and does not exist unless replacing is allowed ({@link Exists}).
 * The check also removes the temporaries a killed earlier run to the same output left
 * ({@link TemporaryFile#removeStale}). Errors are {@link InvalidInputException}s whose source is the
 * path as the user gave it (never a temporary sibling). Used by the command line; KNIME-free, so
 * nodes can use it too.
 */
public final class OutputFile {
    /** What a file holds, with the extensions its name may end in (case-insensitive). */
    public enum Kind {
        NIFTI(".nii", ".nii.gz"),
        /** Model files (docs/model-format.md): conventionally .mrisr; .zip as the shipped models. */
        MODEL(".mrisr", ".zip"),
        CHECKPOINT(".ckpt");

        private final List<String> extensions;

        Kind(String... extensions) {
            this.extensions = List.of(extensions);
        }

        public List<String> extensions() {
            return extensions;
        }

        public boolean matches(Path file) {
            String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            return extensions.stream().anyMatch(n::endsWith);
        }
    }

    private OutputFile() {
    }

    /** The output exists and replacing it was not allowed. */
    public static final class Exists extends InvalidInputException {
        private static final long serialVersionUID = 1L;

        Exists(Path file) {
            super(file.toString(), "exists; nothing was changed (choose another name, or allow replacing it)");
        }
    }

    /**
     * Fails unless {@code file} may be written as a file of this kind: {@link #check(Path, Kind)}, and it is
     * none of {@code inputs} (compared as files: symbolic and hard links to an input count as the input),
     * and it does not exist unless {@code replace} ({@link Exists}). Then removes stale temporaries of it.
     */
    public static void check(Path file, Kind kind, boolean replace, Collection<Path> inputs) {
        check(file, kind);
        requireNoInput(file, replace, inputs, "name");
        removeStale(file);
    }

    /** Fails if {@code file} is one of {@code inputs} or, unless {@code replace}, exists. */
    private static void requireNoInput(Path file, boolean replace, Collection<Path> inputs, String other) {
        for (Path in : inputs) {
            if (sameFile(file, in)) {
                throw new InvalidInputException(file.toString(), "is also an input (" + in + "); writing it would destroy"
                        + " that input: choose another output " + other);
            }
        }
        if (!replace && Files.exists(file)) {
            throw new Exists(file);
        }
    }

    private static void removeStale(Path file) {
        try {
            TemporaryFile.removeStale(file);
        } catch (IOException e) {
            // a leftover we cannot remove is no reason to refuse the run
        }
    }

    /** Whether both paths name one existing file. */
    public static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails unless {@code file} may be written as a new or replaced file of this kind. */
    public static void check(Path file, Kind kind) {
        checkName(file, kind);
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.exists(dir)) {
            throw new InvalidInputException(file.toString(), "folder " + dir + " does not exist; create it first");
        }
        requireWritableFolder(file, dir);
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file.toString(), "is a folder; give a file name");
        }
    }

    /** Fails unless the name of {@code file} ends in one of the kind's extensions. */
    public static void checkName(Path file, Kind kind) {
        if (!kind.matches(file)) {
            throw new InvalidInputException(file.toString(), "output must end in " + String.join(" or ", kind.extensions()));
        }
    }

    /**
     * Fails unless {@code dir} is an existing writable folder or can be created (its nearest existing
     * ancestor is a writable folder), and none of {@code files} inside it is an existing folder.
     */
    public static void checkFolder(Path dir, List<String> files) {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new InvalidInputException(dir.toString(), "no part of this folder's path exists");
        }
        requireWritableFolder(dir, existing);
        for (String f : files) {
            if (Files.isDirectory(dir.resolve(f))) {
                throw new InvalidInputException(dir.resolve(f).toString(), "is a folder, but a file of this name is written "
                        + "here; move it away or choose another output folder");
            }
        }
    }

    /**
     * {@link #checkFolder(Path, List)}, and each of {@code files} in {@code dir} passes the file checks of
     * {@link #check(Path, Kind, boolean, Collection)} but the extension (none of the inputs; absent unless
     * {@code replace}).
     */
    public static void checkFolder(Path dir, List<String> files, boolean replace, Collection<Path> inputs) {
        checkFolder(dir, files);
        for (String f : files) {
            requireNoInput(dir.resolve(f), replace, inputs, "folder");
        }
        for (String f : files) {
            removeStale(dir.resolve(f));
        }
    }

    /** {@code folder} (an existing path) must be a writable folder; errors name {@code asked}. */
    private static void requireWritableFolder(Path asked, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(asked.toString(), folder + " is a file, not a folder");
        }
        if (!Files.isWritable(folder)) {
            throw new InvalidInputException(asked.toString(), "folder " + folder + " is not writable");
        }
    }
}
