package org.mrisr.engine.ops;

import java.util.SplittableRandom;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.compute.Parallel;
import org.mrisr.engine.volume.Volume;

/**
 * Rician noise, the noise of MRI magnitude images: {@code sqrt((x + n1)² + n2²)} with n1, n2
 * independent N(0, σ²). σ is given as a fraction of the volume's maximum intensity (e.g. 0.02 for
 * "2 % noise", the usual way MRI noise levels are quoted). Deterministic for a seed, also across
 * thread counts: each z-slice draws from its own generator derived from (seed, z).
 */
public final class RicianNoise {
    private RicianNoise() {
    }

    /** A new volume with noise of σ = level·max(v) added; level 0 returns a copy. */
    public static Volume add(Volume v, double level, long seed) {
        if (!(level >= 0) || Double.isInfinite(level)) {
            throw new InvalidInputException("noise", "noise level must be finite and >= 0, got " + level);
        }
        float[] src = v.data();
        float[] dst = src.clone();
        if (level == 0) {
            return v.withData(dst);
        }
        float max = v.minMax()[1];
        if (!(max > 0)) {
            throw new InvalidInputException("noise", "the noise level is relative to the maximum intensity, which is " + max
                    + " here; a volume with no positive voxel cannot get relative noise");
        }
        double sigma = level * max;
        int plane = v.nx() * v.ny();
        Parallel.forRange(v.nz(), (from, to) -> {
            for (int z = from; z < to; z++) {
                SplittableRandom rnd = new SplittableRandom(mix(seed, z));
                for (int i = z * plane, end = i + plane; i < end; i++) {
                    double re = src[i] + sigma * rnd.nextGaussian();
                    double im = sigma * rnd.nextGaussian();
                    dst[i] = (float) Math.sqrt(re * re + im * im);
                }
            }
        });
        return v.withData(dst);
    }

    /** A well-spread generator seed per slice (murmur3 finaliser), so slices never share streams. */
    static long mix(long seed, int z) {
        long h = seed ^ (0x9E3779B97F4A7C15L * (z + 1L));
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
