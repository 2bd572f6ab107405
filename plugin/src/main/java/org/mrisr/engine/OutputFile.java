package org.mrisr.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Checks, before any long computation, that results can be written where the user asked: the
 * name has an extension of its kind, its folder exists (is a folder, writable) and the path is not
 * a folder. Errors are {@link InvalidInputException}s whose source is the path as the user gave it
 * (never a temporary sibling). Used by the command line; KNIME-free, so nodes can use it too.
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
