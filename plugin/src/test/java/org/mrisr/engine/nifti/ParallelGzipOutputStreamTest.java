package org.mrisr.engine.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/** Block-parallel gzip decodes to its input and does not depend on the thread count. */
class ParallelGzipOutputStreamTest {
    private static byte[] gzip(byte[] data, int threads, int level, int writeSize) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream g = new ParallelGzipOutputStream(o, level, threads)) {
            for (int at = 0; at < data.length; at += writeSize) {
                g.write(data, at, Math.min(writeSize, data.length - at));
            }
        }
        return o.toByteArray();
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Test
    void roundTripsAcrossBlockBoundaries() throws IOException {
        Random r = new Random(9);
        int mib = 1 << 20;
        for (int n : new int[] {0, 1, 100, mib - 1, mib, mib + 1, 3 * mib + 12345}) {
            byte[] data = new byte[n];
            // compressible but not trivial: runs of random lengths, some noise
            for (int i = 0; i < n; i++) {
                data[i] = (byte) ((i / (1 + r.nextInt(50))) % 7 + (r.nextInt(10) == 0 ? r.nextInt(256) : 0));
            }
            byte[] one = gzip(data, 1, 1, 4096);
            assertArrayEquals(data, gunzip(one), "n=" + n);
            assertArrayEquals(one, gzip(data, 4, 1, 777_777), "same bytes with 4 threads, n=" + n);
            assertArrayEquals(data, gunzip(gzip(data, 3, 9, 1 << 22)), "level 9, n=" + n);
        }
    }

    @Test
    void zeroRunsAroundBlockBoundariesRoundTripWithTheRightTrailer() throws IOException {
        int mib = 1 << 20;
        int dict = BlockDeflater.DICT;
        Random r = new Random(11);
        // {where a zero run starts, how long it is} in a stream of noise, near block edges and the 32 KiB limit
        int[][] layouts = {
            {0, dict}, {0, dict - 8}, {5, dict + 1}, {mib - dict, dict}, {mib - dict - 3, dict + 3 + 100},
            {mib - 1000, 2 * mib + 7}, {100, 3 * mib}, {mib + 4096 * 64 * 2 + 13, dict * 3 + 5}};
        for (int[] l : layouts) {
            for (int tail : new int[] {0, 1, 4095}) {
                byte[] data = new byte[l[0] + l[1] + tail];
                for (int i = 0; i < data.length; i++) {
                    data[i] = i >= l[0] && i < l[0] + l[1] ? 0 : (byte) (1 + r.nextInt(3));
                }
                String what = "run of " + l[1] + " at " + l[0] + ", then " + tail + " bytes";
                byte[] gz = gzip(data, 2, 1, 65_536);
                assertArrayEquals(data, gunzip(gz), what); // GZIPInputStream also checks CRC and ISIZE
                CRC32 crc = new CRC32();
                crc.update(data);
                ByteBuffer trailer = ByteBuffer.wrap(gz, gz.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals((int) crc.getValue(), trailer.getInt(), "CRC32, " + what);
                assertEquals(data.length, trailer.getInt(), "ISIZE, " + what);
                assertArrayEquals(gz, gzip(data, 1, 1, 999), "same bytes on one thread, " + what);
            }
        }
    }

    @Test
    void reusedBlocksDoNotLeakIntoLaterOnes() throws IOException {
        // many more blocks than are in flight at once, so every input block is reused several times
        byte[] data = new byte[(12 << 20) + 5];
        Random r = new Random(13);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 1000 < 600 ? r.nextInt(4) : 0);
        }
        for (int threads : new int[] {1, 2, 3}) {
            assertArrayEquals(data, gunzip(gzip(data, threads, 1, 300_001)), threads + " threads");
        }
    }

    @Test
    void zerosCostAFewBytesPerRun() throws IOException {
        byte[] zeros = new byte[8 << 20];
        int size = gzip(zeros, 2, 1, 1 << 20).length;
        Deflater d = new Deflater(1, true);
        d.setInput(zeros);
        d.finish();
        int zlib = 0;
        while (!d.finished()) {
            zlib += d.deflate(new byte[1 << 16]);
        }
        d.end();
        // zlib level 1 takes ~37 KB for 8 MiB of zeros, the precomputed fragments ~9 KB
        assertTrue(size < zlib / 3, "8 MiB of zeros took " + size + " bytes, zlib level 1 " + zlib);
    }

    @Test
    void findsOnlyWordAlignedRunsOfAtLeast32KiB() {
        int dict = BlockDeflater.DICT;
        byte[] b = new byte[4 * dict];
        Arrays.fill(b, (byte) 1);
        Arrays.fill(b, 3, 3 + dict + 8, (byte) 0); // aligned zero words 8 .. dict+8: exactly 32 KiB
        assertEquals((8L << 32) | (dict + 8), BlockDeflater.nextZeroRun(b, 0, b.length));
        assertEquals(-1, BlockDeflater.nextZeroRun(b, 16, b.length), "only 32 KiB - 8 left after 16");
        Arrays.fill(b, 3, 3 + dict + 8, (byte) 1);
        Arrays.fill(b, 8, 8 + dict - 1, (byte) 0); // one byte short
        assertEquals(-1, BlockDeflater.nextZeroRun(b, 0, b.length));
    }
}
