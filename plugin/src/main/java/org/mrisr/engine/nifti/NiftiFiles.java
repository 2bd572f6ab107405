package org.mrisr.engine.nifti;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which file holds the header and which the voxels, from the file name: {@code x.nii[.gz]} holds
 * both; {@code x.hdr[.gz]} and {@code x.img[.gz]} are a pair, found from either name.
 *
 * @param header the file with the header
 * @param data   the file with the voxels (same as header for .nii)
 */
record NiftiFiles(Path header, Path data) {

    boolean single() {
        return header.equals(data);
    }

    static boolean gzipped(Path p) {
        return lower(p).endsWith(".gz");
    }

    /** Resolves the pair; {@code needData} false allows a header-only .hdr. */
    static NiftiFiles of(Path path, boolean needData) {
        String name = lower(path);
        String src = path.toString();
        if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
            return new NiftiFiles(path, path);
        }
        boolean hdr = name.endsWith(".hdr") || name.endsWith(".hdr.gz");
        boolean img = name.endsWith(".img") || name.endsWith(".img.gz");
        if (!hdr && !img) {
            throw new NiftiFormatException(src, "not a NIfTI file name: expected .nii, .nii.gz, or a .hdr/.img pair (optionally .gz)");
        }
        String full = path.getFileName().toString();
        String base = full.substring(0, full.length() - (name.endsWith(".gz") ? 7 : 4));
        if (hdr) {
            if (!needData) {
                return new NiftiFiles(path, path);
            }
            Path data = sibling(path, base, ".img", name.endsWith(".gz"));
            if (data == null) {
                throw new NiftiFormatException(src, "missing image file " + path.resolveSibling(base + ".img")
                        + ": a .hdr header holds no voxels; put its .img (or .img.gz) next to it");
            }
            return new NiftiFiles(path, data);
        }
        Path header = sibling(path, base, ".hdr", name.endsWith(".gz"));
        if (header == null) {
            throw new NiftiFormatException(src, "missing header file " + path.resolveSibling(base + ".hdr")
                    + ": a .img holds only voxels; put its .hdr next to it");
        }
        return new NiftiFiles(header, path);
    }

    /** base+ext or base+ext.gz, preferring the one with the same compression as the given file. */
    private static Path sibling(Path path, String base, String ext, boolean preferGz) {
        Path plain = path.resolveSibling(base + ext);
        Path gz = path.resolveSibling(base + ext + ".gz");
        Path first = preferGz ? gz : plain;
        Path second = preferGz ? plain : gz;
        if (Files.isRegularFile(first)) {
            return first;
        }
        return Files.isRegularFile(second) ? second : null;
    }

    private static String lower(Path p) {
        Path f = p.getFileName();
        return f == null ? "" : f.toString().toLowerCase(Locale.ROOT);
    }
}
