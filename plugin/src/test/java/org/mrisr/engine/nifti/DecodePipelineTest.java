package org.mrisr.engine.nifti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The decoding thread gives what decoding on the reading thread gives, and its failures reach the reader. */
class DecodePipelineTest {
    private static final VoxelDecoder INT16 = new VoxelDecoder(NiftiDatatype.INT16, ByteOrder.BIG_ENDIAN, true, 0.5, 3);

    @Test
    void sameAsDecodingInPlace() throws IOException {
        int voxels = 100_003; // the last chunk is partial
        byte[] all = new byte[2 * voxels];
        new Random(5).nextBytes(all);
        float[] plain = new float[voxels];
        INT16.decode(all, voxels, plain, 0);
        // tiny chunks and only 3 buffers ahead, so the reader also waits for returned buffers
        int perChunk = 999;
        try (DecodePipeline pipe = new DecodePipeline(INT16, voxels, 2 * perChunk, 6 * perChunk)) {
            for (int at = 0; at < voxels; at += perChunk) {
                int n = Math.min(perChunk, voxels - at);
                byte[] b = pipe.buffer();
                System.arraycopy(all, 2 * at, b, 0, 2 * n);
                pipe.submit(b, n, at);
            }
            assertArrayEquals(plain, pipe.finish());
        }
    }

    @Test
    void aFailureOnTheDecodingThreadReachesTheReader() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (DecodePipeline pipe = new DecodePipeline(INT16, 10, 8, 16)) {
                pipe.submit(pipe.buffer(), 4, 8); // voxels 8..11 do not exist
                assertThrows(ArrayIndexOutOfBoundsException.class, () -> {
                    // the reader keeps going until it notices, without waiting forever for buffers
                    for (int i = 0; i < 100; i++) {
                        pipe.submit(pipe.buffer(), 1, 0);
                    }
                    pipe.finish();
                });
            }
        });
    }

    @Test
    void closingWithoutFinishingEndsTheThread() throws Exception {
        int before = decodingThreads();
        try (DecodePipeline pipe = new DecodePipeline(INT16, 1000, 64, 256)) {
            pipe.submit(pipe.buffer(), 32, 0);
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (decodingThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(before, decodingThreads(), "decoding threads left running");
    }

    private static int decodingThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("mrisr-nifti-decode")).count();
    }
}
