package org.mrisr.engine.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
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
}
