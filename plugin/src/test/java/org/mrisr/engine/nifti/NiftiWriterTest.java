package org.mrisr.engine.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/** Writes are all-or-nothing under the final name. */
class NiftiWriterTest {
    @TempDir
    Path tmp;

    /** Fails after n bytes, like a full disk. */
    static OutputStream failingAfter(OutputStream out, long n) {
        return new FilterOutputStream(out) {
            long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > n) {
                    throw new IOException("disk full (simulated)");
                }
                written += len;
                out.write(b, off, len);
            }
        };
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aFailedWriteLeavesNoFileUnderTheFinalName() throws IOException {
        Volume v = NiftiRoundTripTest.randomVolume(3);
        for (String name : new String[] {"a.nii", "a.nii.gz"}) {
            Path f = tmp.resolve(name);
            IOException e = assertThrows(IOException.class, () -> new NiftiWriter().writeVolume(v, f, o -> failingAfter(o, 1000)));
            assertEquals("disk full (simulated)", e.getMessage());
            assertFalse(Files.exists(f));
            assertEquals(List.of(), listing(), "no temporary file is left behind");
        }
    }

    @Test
    void aFailedOverwriteKeepsTheOldFile() throws IOException {
        Path f = tmp.resolve("keep.nii");
        Volume old = new Volume(2, 2, 2, new float[] {1, 2, 3, 4, 5, 6, 7, 8}, Affine.identity());
        NiftiWriter.write(old, f);
        byte[] before = Files.readAllBytes(f);
        assertThrows(IOException.class, () -> new NiftiWriter().writeVolume(NiftiRoundTripTest.randomVolume(4), f, o -> failingAfter(o, 400)));
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of(f), listing());
        // a successful overwrite replaces it
        NiftiWriter.write(NiftiRoundTripTest.randomVolume(4), f);
        assertArrayEquals(NiftiRoundTripTest.randomVolume(4).data(), NiftiReader.read(f).data());
    }

    /** The temporary file's name is private, its permissions are not: they follow the umask like any new file. */
    @Test
    void writtenFilesGetOrdinaryPermissions() throws IOException {
        Path plain = Files.createFile(tmp.resolve("plain"));
        Path f = tmp.resolve("perm.nii.gz");
        NiftiWriter.write(new Volume(1, 1, 1, new float[1], Affine.identity()), f);
        if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f));
        }
    }

    @Test
    void onlyNiiNamesAreWritten() {
        Volume v = new Volume(1, 1, 1, new float[1], Affine.identity());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NiftiWriter.write(v, tmp.resolve("x.img")));
        assertEquals("output must end in .nii or .nii.gz", e.problem());
    }

    @Test
    void headerFieldsAreConsistent() throws IOException {
        Path f = tmp.resolve("h.nii.gz");
        NiftiWriter.write(NiftiRoundTripTest.randomVolume(5), f);
        NiftiHeader h = NiftiReader.readHeader(f);
        assertEquals("n+1", h.magic());
        assertEquals(352, h.voxOffset());
        assertEquals(4, h.qformCode());
        assertEquals(4, h.sformCode());
        assertEquals(2, h.xyztUnits());
        double[] vs = NiftiRoundTripTest.OBLIQUE.voxelSize();
        assertEquals(vs[0], h.pixdim()[1], 1e-6);
        assertEquals(vs[1], h.pixdim()[2], 1e-6);
        assertEquals(vs[2], h.pixdim()[3], 1e-6);
        // spaceCode 0 (unknown) is written as aligned so readers use the transform
        Path g = tmp.resolve("u.nii");
        NiftiWriter.write(new Volume(1, 1, 1, new float[1], Affine.identity()), g);
        assertEquals(2, NiftiReader.readHeader(g).sformCode());
    }
}
