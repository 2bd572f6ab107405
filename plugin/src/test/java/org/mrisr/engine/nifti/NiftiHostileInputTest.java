package org.mrisr.engine.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.volume.Volume;

/** Malformed files end in NiftiFormatException naming the file and the problem, nothing else. */
class NiftiHostileInputTest {
    @TempDir
    Path tmp;
    byte[] good;

    @BeforeEach
    void sample() throws IOException {
        good = Samples.smallNii(tmp);
    }

    private String refused(String name, byte[] bytes) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> new NiftiReader().verifyAllVolumes(true).readImage(f));
        assertEquals(f.toString(), e.source());
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e.problem();
    }

    private String refusedBoth(byte[] bytes) throws IOException {
        String raw = refused("h.nii", bytes);
        refused("h.nii.gz", Samples.gzip(bytes));
        return raw;
    }

    private byte[] patched(Consumer<ByteBuffer> patch) {
        byte[] b = good.clone();
        patch.accept(Samples.le(b));
        return b;
    }

    private static void assertMentions(String problem, String... words) {
        for (String w : words) {
            assertTrue(problem.contains(w), "'" + problem + "' should mention '" + w + "'");
        }
    }

    @Test
    void theSampleIsValid() throws IOException {
        Path f = tmp.resolve("ok.nii.gz");
        Files.write(f, Samples.gzip(good));
        assertArrayEquals(new int[] {6, 5, 4}, NiftiReader.read(f).shape());
    }

    @Test
    void truncatedHeaderAndData() throws IOException {
        assertMentions(refusedBoth(Arrays.copyOf(good, 100)), "truncated header: 100 of 348 bytes");
        assertMentions(refusedBoth(new byte[0]), "empty file");
        assertMentions(refusedBoth(Arrays.copyOf(good, 500)), "truncated");
        assertMentions(refusedBoth(Arrays.copyOf(good, 350)), "truncated");
    }

    @Test
    void badMagicAndSizeofHdr() throws IOException {
        assertMentions(refusedBoth(patched(b -> b.put(344, (byte) 'x'))), "not a NIfTI-1 header", "magic 'x+1'");
        assertMentions(refusedBoth(patched(b -> b.putInt(0, 349))), "sizeof_hdr is 349");
        assertMentions(refusedBoth(patched(b -> b.put(345, (byte) 'i'))), "pair");
    }

    @Test
    void badDims() throws IOException {
        assertMentions(refusedBoth(patched(b -> b.putShort(44, (short) -5))), "dim[2] is -5");
        assertMentions(refusedBoth(patched(b -> b.putShort(46, (short) 0))), "dim[3] is 0");
        for (short d0 : new short[] {0, 8, -1, 300}) {
            assertMentions(refusedBoth(patched(b -> b.putShort(40, d0))), "dim[0] is " + d0);
        }
        // 32767³ voxels: over the cap before anything is allocated
        byte[] huge = patched(b -> {
            b.putShort(42, Short.MAX_VALUE);
            b.putShort(44, Short.MAX_VALUE);
            b.putShort(46, Short.MAX_VALUE);
        });
        assertMentions(refusedBoth(huge), "exceeds the limit");
        // under the cap but more than the file holds
        byte[] big = patched(b -> {
            b.putShort(42, (short) 2000);
            b.putShort(44, (short) 2000);
            b.putShort(46, (short) 50);
        });
        assertMentions(refused("big.nii", big), "truncated", "the file has 832 bytes");
        assertMentions(refused("big.nii.gz", Samples.gzip(big)), "cannot hold");
        // many volumes: also checked whole against the file size
        assertMentions(refusedBoth(patched(b -> {
            b.putShort(40, (short) 4);
            b.putShort(48, (short) 30000);
        })), "truncated");
        // a 5-D file with a real fifth axis
        assertMentions(refusedBoth(patched(b -> {
            b.putShort(40, (short) 5);
            b.putShort(50, (short) 2);
        })), "5-D image", "only 3-D and 4-D");
    }

    @Test
    void datatypeProblems() throws IOException {
        assertMentions(refusedBoth(patched(b -> b.putShort(70, (short) 999))), "unknown datatype code 999");
        assertMentions(refusedBoth(patched(b -> b.putShort(72, (short) 8))), "bitpix 8 does not match datatype float32 (32 bits)");
    }

    @Test
    void voxOffsetProblems() throws IOException {
        assertMentions(refusedBoth(patched(b -> b.putFloat(108, Float.NaN))), "vox_offset NaN");
        assertMentions(refusedBoth(patched(b -> b.putFloat(108, -16))), "vox_offset -16.0");
        assertMentions(refusedBoth(patched(b -> b.putFloat(108, 352.5f))), "vox_offset 352.5");
        assertMentions(refusedBoth(patched(b -> b.putFloat(108, 100))), "inside the header");
        assertMentions(refusedBoth(patched(b -> b.putFloat(108, 1e6f))), "truncated");
        assertMentions(refused("h.nii.gz", Samples.gzip(patched(b -> b.putFloat(108, 3e38f)))), "not a valid byte offset");
    }

    @Test
    void scalingAndTransformProblems() throws IOException {
        assertMentions(refusedBoth(patched(b -> {
            b.putFloat(112, 2);
            b.putFloat(116, Float.NaN);
        })), "scl_inter is NaN");
        assertMentions(refusedBoth(patched(b -> b.putFloat(284, Float.POSITIVE_INFINITY))), "sform", "non-finite");
        // a NaN sform is ignored when sform_code is 0 and the qform is used
        Path f = tmp.resolve("q.nii");
        Files.write(f, patched(b -> {
            b.putFloat(284, Float.NaN);
            b.putShort(254, (short) 0);
        }));
        assertEquals("qform", new NiftiReader().readImage(f).transform().kind());
    }

    @Test
    void gzipProblems() throws IOException {
        byte[] gz = Samples.gzip(good);
        assertMentions(refused("t.nii.gz", Arrays.copyOf(gz, gz.length / 2)), "truncated");
        assertMentions(refused("t.nii.gz", Arrays.copyOf(gz, 5)), "gzip header is cut short");
        assertMentions(refused("t.nii.gz", new byte[0]), "empty file");
        assertMentions(refused("plain.nii.gz", good), "not gzip-compressed");
        assertMentions(refused("gz.nii", gz), "gzip-compressed: name it .nii.gz");
        byte[] corrupt = gz.clone();
        for (int i = 20; i < 60; i++) {
            corrupt[i] = (byte) 0xff;
        }
        assertMentions(refused("c.nii.gz", corrupt), "corrupt gzip data");
    }

    /** A gzip header whose file name never ends: read through a buffer, not byte by byte from disk. */
    @Test
    void unterminatedGzipFileName() throws IOException {
        byte[] b = new byte[30_000_000];
        Arrays.fill(b, (byte) 'a');
        b[0] = 0x1f;
        b[1] = (byte) 0x8b;
        b[2] = 8;
        b[3] = 8; // FNAME
        Path f = tmp.resolve("name.nii.gz");
        Files.write(f, b);
        NiftiFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(NiftiFormatException.class, () -> NiftiReader.read(f)));
        assertMentions(e.problem(), "gzip header is cut short");
    }

    @Test
    void randomBytes() throws IOException {
        Random r = new Random(11);
        for (int t = 0; t < 20; t++) {
            byte[] b = new byte[r.nextInt(5000)];
            r.nextBytes(b);
            refused("r.nii", b);
            refused("r.nii.gz", b);
            refused("r.nii.gz", Samples.gzip(b));
        }
    }

    @Test
    void missingOrNotAFile() throws IOException {
        Path missing = tmp.resolve("nope.nii");
        NiftiFormatException e = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(missing));
        assertEquals("no such file", e.problem());
        Path dir = Files.createDirectory(tmp.resolve("dir.nii"));
        e = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(dir));
        assertEquals("not a regular file", e.problem());
        e = assertThrows(NiftiFormatException.class, () -> NiftiReader.read(tmp.resolve("x.txt")));
        assertTrue(e.problem().contains("expected .nii"), e.problem());
    }

    /** Trailing data after the voxels is never inflated: corrupt deflate data there does no harm. */
    @Test
    void trailingGarbageAfterTheVoxelsIsNotRead() throws IOException {
        byte[] gz = Samples.gzip(good);
        byte[] junk = new byte[100_000];
        new Random(1).nextBytes(junk);
        byte[] all = Arrays.copyOf(gz, gz.length + junk.length);
        System.arraycopy(junk, 0, all, gz.length, junk.length);
        Path f = tmp.resolve("junk.nii.gz");
        Files.write(f, all);
        assertEquals(120, NiftiReader.read(f).size());
        // and inside the same gzip member: extra bytes after the last voxel are ignored
        byte[] longer = Arrays.copyOf(good, good.length + 1000);
        Files.write(f, Samples.gzip(longer));
        assertEquals(120, NiftiReader.read(f).size());
    }

    /**
     * A valid file followed by 16 GiB of gzip'd zeros (1024 concatenated gzip members of 16 MiB
     * each, a ~16 MB file) reads at once. The time limit only catches a reader that inflates the
     * trailing zeros, which takes far longer.
     */
    @Test
    void gigabytesOfTrailingZerosAreNotInflated() throws IOException {
        Path f = tmp.resolve("zeros.nii.gz");
        byte[] member = zerosMember(16 << 20);
        try (OutputStream o = Files.newOutputStream(f)) {
            o.write(Samples.gzip(good));
            for (int i = 0; i < 1024; i++) {
                o.write(member);
            }
        }
        assertTrue(Files.size(f) < 40_000_000, "file of " + Files.size(f));
        System.out.println("trailing zeros: " + Files.size(f) + " bytes on disk, " + (1024L * member.length) + " of them gzip members holding " + (1024L << 24) + " zero bytes");
        Volume v = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new NiftiReader().verifyAllVolumes(true).readImage(f).volume());
        assertEquals(120, v.size());
    }

    private static byte[] zerosMember(int n) throws IOException {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(o) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < n; i += zeros.length) {
                g.write(zeros);
            }
        }
        return o.toByteArray();
    }
}
