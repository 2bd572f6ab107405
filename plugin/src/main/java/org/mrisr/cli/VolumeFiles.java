package org.mrisr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.volume.Volume;

/** Reading and writing the volumes of the volume commands, with the CLI's error contract. */
final class VolumeFiles {
    private VolumeFiles() {
    }

    /** Reads volume 0 of a NIfTI file; a missing or bad file is an InvalidInputException (exit 2). */
    static Volume read(Path in) {
        if (!Files.exists(in)) {
            throw new InvalidInputException(in.toString(), "no such file");
        }
        return NiftiReader.read(in);
    }

    /** Checks before any work that OUT can be written: .nii/.nii.gz in an existing folder. */
    static void checkWritable(Path out) {
        String n = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".nii") && !n.endsWith(".nii.gz")) {
            throw new InvalidInputException(out.toString(), "output must end in .nii or .nii.gz");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidInputException(out.toString(), "folder " + dir + " does not exist; create it first");
        }
        if (Files.isDirectory(out)) {
            throw new InvalidInputException(out.toString(), "is a folder, expected a file name");
        }
    }

    static void write(Volume v, Path out) throws IOException {
        NiftiWriter.write(v, out);
    }
}
