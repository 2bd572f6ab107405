package org.mrisr.engine.nifti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.mrisr.engine.InvalidInputException;

/**
 * Finds NIfTI files in a folder: {@code .nii}, {@code .nii.gz} and the headers {@code .hdr} /
 * {@code .hdr.gz} of Analyze-style pairs (their {@code .img} is found by the reader), sorted by path
 * so the order does not depend on the file system.
 */
public final class NiftiFolder {
    private NiftiFolder() {
    }

    /** Whether the name looks like a NIfTI file the reader opens directly (not an {@code .img}). */
    public static boolean isNiftiName(final String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".nii") || n.endsWith(".nii.gz") || n.endsWith(".hdr") || n.endsWith(".hdr.gz");
    }

    /** The name without its NIfTI extension ("sub-01.nii.gz" gives "sub-01"). */
    public static String stem(final String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".nii.gz", ".hdr.gz", ".nii", ".hdr"}) {
            if (n.endsWith(ext)) {
                return fileName.substring(0, fileName.length() - ext.length());
            }
        }
        return fileName;
    }

    /**
     * The NIfTI files in {@code folder} (and its subfolders when {@code recursive}), sorted.
     *
     * @throws InvalidInputException when the folder cannot be listed
     */
    public static List<Path> list(final Path folder, final boolean recursive) {
        try (Stream<Path> s = recursive ? Files.walk(folder) : Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> isNiftiName(p.getFileName().toString())).sorted()
                .collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(folder.toString(), "cannot list the folder: " + e.getMessage(), e);
        }
    }
}
