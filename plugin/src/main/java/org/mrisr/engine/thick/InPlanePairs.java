package org.mrisr.engine.thick;

import org.mrisr.engine.nn.Rng;
import org.mrisr.engine.volume.Affine;
import org.mrisr.engine.volume.Volume;

/**
 * Self-supervised training pairs from a scan's own in-plane slices (SMORE/ECLARE): an in-plane
 * slice is fine in both directions, so degrading it along one of them with the slice profile and
 * sampling every r-th line gives a thick-slice image whose fine original is known. The pair is
 * (cubic refinement of the degraded lines, original), cropped to a P×P patch; H is the degraded
 * direction, W the other, exactly as the network later sees through-plane images (H along the thick
 * axis).
 *
 * <p>Augmentation, all of which keep the degradation valid because it is applied after them: which
 * in-plane direction is degraded (a transposition), flips of either direction (the profile is
 * symmetric), and the sampling phase (which fine line the first thick sample sits on). With the
 * flips these are the 8 rotations and reflections of the square. The degraded lines are computed
 * over the whole slice length and refined with {@link ThroughPlane#cubic}, so boundaries are handled
 * as at inference. Patches are drawn until their target has at least {@link #FOREGROUND_FRACTION} of
 * foreground (above a tenth of the intensity range), at most {@link #TRIES} draws.
 */
final class InPlanePairs {
    static final double FOREGROUND_FRACTION = 0.25;
    static final int TRIES = 20;

    private final Volume scan;
    private final int axis;
    private final int factor;
    private final double[] kernel;
    private final int patch;
    private final float foreground;
    private final Rng rng;

    /**
     * @param scan   the normalised thick-slice scan
     * @param patch  requested patch edge; clamped to the smaller in-plane size ({@link #patch()})
     */
    InPlanePairs(Volume scan, int axis, int factor, SliceProfile profile, int patch, long seed) {
        this.scan = scan;
        this.axis = axis;
        this.factor = factor;
        this.kernel = profile.kernel();
        int[] n = scan.shape();
        this.patch = Math.min(patch, Math.min(n[(axis + 1) % 3], n[(axis + 2) % 3]));
        float[] mm = scan.minMax();
        this.foreground = mm[0] + 0.1f * (mm[1] - mm[0]);
        this.rng = new Rng(seed);
    }

    int patch() {
        return patch;
    }

    /** A batch: {@code input} and {@code target}, each {@code count} patches of P×P floats, row-major [H][W]. */
    record Batch(float[] input, float[] target, int count, int patch) {
    }

    Batch next(int count) {
        int pp = patch * patch;
        float[] in = new float[count * pp];
        float[] out = new float[count * pp];
        for (int b = 0; b < count; b++) {
            for (int t = 0; t < TRIES; t++) {
                if (draw(in, out, b * pp) || t == TRIES - 1) {
                    break;
                }
            }
        }
        return new Batch(in, out, count, patch);
    }

    /**
     * Where one pair comes from: the in-plane slice (index along the thick axis), whether the
     * second in-plane direction is the degraded one, flips of the degraded (H) and other (W)
     * direction, the first W column, the sampling phase (fine line of the first thick sample) and
     * the first H row of the crop, counted from the phase.
     */
    record Draw(int slice, boolean swap, boolean flipH, boolean flipW, int w0, int phase, int h0) {
    }

    private boolean draw(float[] in, float[] out, int off) {
        int[] n = scan.shape();
        int slice = rng.nextInt(n[axis]);
        boolean swap = rng.nextBoolean();
        boolean flipH = rng.nextBoolean();
        boolean flipW = rng.nextBoolean();
        int nd = n[degraded(swap)];
        int w0 = rng.nextInt(n[other(swap)] - patch + 1);
        int phase = rng.nextInt(Math.min(factor, nd - patch + 1));
        int h0 = rng.nextInt(nd - phase - patch + 1);
        return fill(new Draw(slice, swap, flipH, flipW, w0, phase, h0), in, out, off);
    }

    /** The in-plane direction that is degraded (H). */
    int degraded(boolean swap) {
        return (axis + (swap ? 2 : 1)) % 3;
    }

    /** The in-plane direction that stays fine (W). */
    int other(boolean swap) {
        return (axis + (swap ? 1 : 2)) % 3;
    }

    /** Writes the pair of {@code d} into in/out at {@code off}; true when its target has enough foreground. */
    boolean fill(Draw dr, float[] in, float[] out, int off) {
        int[] n = scan.shape();
        int[] stride = {1, n[0], n[0] * n[1]};
        int d = degraded(dr.swap());
        int e = other(dr.swap());
        int nd = n[d];
        int phase = dr.phase();
        int m = (nd - 1 - phase) / factor + 1;
        float[] src = scan.data();
        float[] line = new float[nd];
        float[] thick = new float[patch * m];
        int base = dr.slice() * stride[axis];
        int fg = 0;
        for (int w = 0; w < patch; w++) {
            int we = dr.flipW() ? n[e] - 1 - (dr.w0() + w) : dr.w0() + w;
            int lineBase = base + we * stride[e];
            for (int h = 0; h < nd; h++) {
                line[h] = src[lineBase + (dr.flipH() ? nd - 1 - h : h) * stride[d]];
            }
            SliceProfile.sampleLine(line, 0, 1, nd, kernel, phase, factor, m, thick, w, patch);
            for (int i = 0; i < patch; i++) {
                float v = line[phase + dr.h0() + i];
                out[off + i * patch + w] = v;
                if (v > foreground) {
                    fg++;
                }
            }
        }
        Volume fine = ThroughPlane.cubic(new Volume(patch, m, 1, thick, Affine.identity()), 1, factor);
        System.arraycopy(fine.data(), dr.h0() * patch, in, off, patch * patch);
        return fg >= FOREGROUND_FRACTION * patch * patch;
    }
}
