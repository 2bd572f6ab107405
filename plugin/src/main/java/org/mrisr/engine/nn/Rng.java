package org.mrisr.engine.nn;

/**
 * A tiny seeded generator (SplitMix64) whose whole state is one long, so runs are reproducible
 * without touching ND4J's global random state and a stream can be re-derived from (seed, index)
 * instead of being saved in checkpoints.
 */
public final class Rng {
    private long state;
    private double spareGaussian = Double.NaN;

    public Rng(long seed) {
        this.state = seed;
    }

    /** A generator for sub-stream {@code index} of {@code seed} (e.g. the augmentation of sample i). */
    public static Rng derive(long seed, long index) {
        Rng r = new Rng(seed ^ 0x5DEECE66DL);
        r.state += index * 0x9E3779B97F4A7C15L;
        r.nextLong();
        return new Rng(r.nextLong());
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, n). */
    public int nextInt(int n) {
        return (int) Math.floorMod(nextLong(), (long) n);
    }

    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** Standard normal (Box–Muller). */
    public double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u1;
        do {
            u1 = nextDouble();
        } while (u1 <= 1e-300);
        double u2 = nextDouble();
        double r = Math.sqrt(-2 * Math.log(u1));
        spareGaussian = r * Math.sin(2 * Math.PI * u2);
        return r * Math.cos(2 * Math.PI * u2);
    }

    /** n values from N(0, std²) as floats. */
    public float[] gaussian(int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (nextGaussian() * std);
        }
        return v;
    }
}
