package org.mrisr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    static void write(Volume v, Path out) throws IOException {
        NiftiWriter.write(v, out);
    }
}
