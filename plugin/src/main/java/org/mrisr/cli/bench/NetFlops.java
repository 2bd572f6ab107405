package org.mrisr.cli.bench;

import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.GeneratorConfig;

/**
 * Floating-point operations of the SRGAN networks, counted from their configurations: 2 × the
 * multiply-accumulates of every convolution and dense layer at the given input size ('same' padding,
 * so a 3³ convolution costs out-voxels × in-channels × out-channels × 27 MACs). Nearest-neighbour
 * resizing, the periodic shuffle, biases, BatchNorm, activations and the input skip are not counted
 * (they are a few operations per value against hundreds per value for the convolutions). This is the
 * network's useful work: a sliding-window prediction recomputes overlaps and padding on top of it, and
 * that overhead lowers its GFLOP/s rather than raising the count.
 */
public final class NetFlops {
    private static final long K3 = 27;

    private NetFlops() {
    }

    /** FLOPs of one generator forward pass over an LR input of nx × ny × nz voxels (batch 1). */
    public static double generator(GeneratorConfig g, long nx, long ny, long nz) {
        long v = nx * ny * nz;
        long f = g.filters();
        long u = g.upFilters();
        double macs = conv(v, 1, f) + (2L * g.blocks() + 1) * conv(v, f, f);
        long c = f;
        for (int i = 0; i < g.upBlocks(); i++) {
            switch (g.method()) {
                case RESIZE_CONV -> {
                    macs += conv(v, c, u) + conv(8 * v, u, u); // conv at s, nearest x2, conv at 2s
                    c = u;
                }
                case SUBPIXEL -> {
                    macs += conv(v, c, u); // conv to u, shuffle to u/8 channels at 2s
                    c = u / 8;
                }
                case SUBPIXEL_NN -> {
                    macs += conv(v, c, 8 * u); // conv to 8u, shuffle to u channels at 2s
                    c = u;
                }
                default -> throw new IllegalStateException(g.method().toString());
            }
            v *= 8;
        }
        return 2 * (macs + conv(v, c, 1));
    }

    /** FLOPs of one discriminator forward pass over one HR patch of its configured size (batch 1). */
    public static double discriminator(DiscriminatorConfig d) {
        int[] widths = d.widths();
        long[] s = {d.patchX(), d.patchY(), d.patchZ()};
        double macs = 0;
        long c = 1;
        for (int i = 0; i < widths.length; i++) {
            int stride = DiscriminatorConfig.stride(i);
            for (int a = 0; a < 3; a++) {
                s[a] = (s[a] + stride - 1) / stride; // 'same' padding: stride 2 rounds up
            }
            macs += conv(s[0] * s[1] * s[2], c, widths[i]);
            c = widths[i];
        }
        double flat = (double) c * s[0] * s[1] * s[2];
        macs += flat * d.dense() + d.dense();
        return 2 * macs;
    }

    /**
     * Nominal FLOPs of one GAN step: the generator once on {@code batch} LR patches and the discriminator
     * three times on {@code batch} HR patches (real and fake in its own step, fake again in the
     * generator's), each pass counted 3 × its forward (forward, plus backward to inputs and to weights,
     * the usual convention).
     */
    public static double ganStep(GeneratorConfig g, DiscriminatorConfig d, int batch, long lrX, long lrY, long lrZ) {
        return 3.0 * batch * (generator(g, lrX, lrY, lrZ) + 3 * discriminator(d));
    }

    private static double conv(long outVoxels, long in, long out) {
        return (double) outVoxels * in * out * K3;
    }
}
