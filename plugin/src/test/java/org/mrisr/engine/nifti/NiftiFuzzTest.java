package org.mrisr.engine.nifti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Volume;
import org.mrisr.testutil.RealData;

/**
 * Seeded mutation fuzzing of valid NIfTI files (ours, nibabel's big-endian, scaled 4-D and NIfTI-2
 * test files): header fields set to extreme values, random bytes, truncation, appended junk, raw or
 * gzip'd, with the gzip stream itself damaged too. Only InvalidInputException (in practice
 * NiftiFormatException) may escape; a successful read must give a consistent volume.
 *
 * <p>{@code -Dmrisr.fuzz.cases=100000} runs longer; {@code -Dmrisr.fuzz.seed=N} varies the cases.
 */
class NiftiFuzzTest {
    private static final long[] INTS = {0, 1, -1, 2, 3, 4, 7, 8, 16, 255, 256, 348, 352, 540, 544, 32767, -32768, 65535,
        Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 31, 1L << 32, 1L << 40};
    private static final double[] FLOATS = {0, -0.0, 1, -1, 0.5, 352, 1e30, -1e30, 3.4e38, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.MIN_VALUE, 1e300};

    @TempDir
    Path tmp;

    @Test
    void onlyTheDocumentedExceptionEscapes() throws IOException {
        int cases = Integer.getInteger("mrisr.fuzz.cases", 3000);
        long seed = Long.getLong("mrisr.fuzz.seed", 20261125L);
        List<byte[]> seeds = seeds();
        Map<String, Integer> outcomes = new TreeMap<>();
        // a generous bound that only a hang would hit
        assertTimeoutPreemptively(Duration.ofSeconds(Math.max(300, cases / 20)), () -> {
            Random r = new Random(seed);
            for (int c = 0; c < cases; c++) {
                byte[] base = seeds.get(r.nextInt(seeds.size()));
                String outcome = runCase(c, seed, r, base);
                outcomes.merge(outcome, 1, Integer::sum);
            }
        });
        System.out.println("fuzz: " + cases + " cases (seed " + seed + "): " + outcomes);
        assertTrue(outcomes.getOrDefault("read", 0) > 0, "some mutants are still valid files: " + outcomes);
        assertTrue(outcomes.getOrDefault("refused", 0) > cases / 4, "most mutants are refused: " + outcomes);
    }

    private String runCase(int c, long seed, Random r, byte[] base) throws IOException {
        byte[] b = mutate(r, base.clone());
        boolean gz = r.nextBoolean();
        if (gz) {
            b = Samples.gzip(b);
            if (r.nextInt(4) == 0) {
                b = mutateBytes(r, b);
            }
        }
        Path f = tmp.resolve(gz ? "fuzz.nii.gz" : "fuzz.nii");
        Files.write(f, b);
        int volume = r.nextInt(8) == 0 ? 1 : 0;
        try {
            NiftiReader.readHeader(f);
            NiftiImage img = new NiftiReader().volume(volume).verifyAllVolumes(r.nextBoolean()).maxVoxels(1 << 24).readImage(f);
            Volume v = img.volume();
            assertEquals((long) v.nx() * v.ny() * v.nz(), v.data().length);
            assertTrue(img.index() < img.volumes());
            return "read";
        } catch (InvalidInputException e) {
            if (e.source() == null || e.problem() == null || e.problem().isBlank()) {
                fail("case " + c + " (seed " + seed + "): exception without source/problem: " + e);
            }
            return "refused";
        } catch (Throwable t) {
            Path keep = tmp.getParent().resolve("mrisr-fuzz-failure-" + seed + "-" + c + (gz ? ".nii.gz" : ".nii"));
            Files.write(keep, b);
            throw new AssertionError("case " + c + " (seed " + seed + ", input kept at " + keep + ") threw " + t, t);
        }
    }

    private static byte[] mutate(Random r, byte[] b) {
        int ops = 1 + r.nextInt(3);
        int hdr = ByteBuffer.wrap(b, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == 540
                || ByteBuffer.wrap(b, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt() == 540 ? 540 : 348;
        ByteOrder order = ByteBuffer.wrap(b, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == hdr ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        for (int k = 0; k < ops; k++) {
            ByteBuffer bb = ByteBuffer.wrap(b).order(r.nextInt(8) == 0 ? opposite(order) : order);
            switch (r.nextInt(7)) {
                case 0: { // an extreme integer in a header field
                    int width = new int[] {1, 2, 4, 8}[r.nextInt(4)];
                    int at = r.nextInt(hdr / width) * width;
                    long v = INTS[r.nextInt(INTS.length)] * (r.nextBoolean() ? 1 : -1);
                    put(bb, at, width, v);
                    break;
                }
                case 1: { // an extreme float/double in a header field
                    boolean dbl = r.nextBoolean();
                    int at = r.nextInt(hdr / (dbl ? 8 : 4)) * (dbl ? 8 : 4);
                    double v = FLOATS[r.nextInt(FLOATS.length)];
                    if (dbl) {
                        bb.putDouble(at, v);
                    } else {
                        bb.putFloat(at, (float) v);
                    }
                    break;
                }
                case 2: // random header bytes
                    for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
                        b[r.nextInt(hdr)] = (byte) r.nextInt(256);
                    }
                    break;
                case 3: // a random dim
                    put(bb, hdr == 348 ? 40 + 2 * r.nextInt(8) : 16 + 8 * r.nextInt(8), hdr == 348 ? 2 : 8,
                            r.nextBoolean() ? INTS[r.nextInt(INTS.length)] : r.nextInt(70000) - 1000);
                    break;
                case 4:
                    b = Arrays.copyOf(b, r.nextInt(b.length + 1));
                    break;
                case 5: {
                    byte[] junk = new byte[r.nextInt(2000)];
                    r.nextBytes(junk);
                    int old = b.length;
                    b = Arrays.copyOf(b, old + junk.length);
                    System.arraycopy(junk, 0, b, old, junk.length);
                    break;
                }
                default:
                    b = mutateBytes(r, b);
            }
            if (b.length < hdr) {
                break;
            }
        }
        return b;
    }

    private static byte[] mutateBytes(Random r, byte[] b) {
        if (b.length == 0) {
            return b;
        }
        if (r.nextInt(3) == 0) {
            return Arrays.copyOf(b, r.nextInt(b.length));
        }
        for (int i = 0, n = 1 + r.nextInt(16); i < n; i++) {
            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
    }

    private static void put(ByteBuffer bb, int at, int width, long v) {
        if (at + width > bb.capacity()) {
            return;
        }
        switch (width) {
            case 1:
                bb.put(at, (byte) v);
                break;
            case 2:
                bb.putShort(at, (short) v);
                break;
            case 4:
                bb.putInt(at, (int) v);
                break;
            default:
                bb.putLong(at, v);
        }
    }

    private static ByteOrder opposite(ByteOrder o) {
        return o == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    private List<byte[]> seeds() throws IOException {
        List<byte[]> s = new ArrayList<>();
        s.add(Samples.smallNii(tmp));
        Path nib = RealData.nibabelData();
        s.add(Files.readAllBytes(nib.resolve("anatomical.nii"))); // big-endian int16
        s.add(Files.readAllBytes(nib.resolve("functional.nii"))); // scaled, 4-D
        try (InputStream in = new GZIPInputStream(Files.newInputStream(nib.resolve("example_nifti2.nii.gz")))) {
            s.add(in.readAllBytes()); // NIfTI-2, 4-D, extension
        }
        return s;
    }
}
