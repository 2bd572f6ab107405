package org.mrisr.engine.patch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.ops.BrainMask;

/**
 * Overlapping patches tiling a volume of shape (nx, ny, nz): per axis origins 0, s, 2s, … and a
 * last patch snapped to the border, so every voxel is covered with patch p and stride s ≤ p.
 * The paper's training patches are 128×128×92 with stride 112×112×76 ({@link #PAPER_PATCH},
 * {@link #PAPER_STRIDE}).
 *
 * <p>With a super-resolution factor r the grid lives on the high-resolution side and keeps every
 * origin and size a multiple of r, so that each patch has an exact low-resolution counterpart
 * (origin/r, size/r; {@link Patch#lowRes()}). Sizes and strides must then be divisible by r. If an
 * axis length n is not a multiple of r, the last patch is snapped to r·⌊(n−p)/r⌋ and the final
 * n mod r (&lt; r) voxels of that axis stay uncovered ({@link #coveredExtent()}); a network's output
 * grid, r × the LR shape, is always fully covered.
 *
 * <p>Order is deterministic (z slowest, x fastest); {@link #shuffled(long)} gives a seeded order.
 */
public final class PatchGrid {
    public static final int[] PAPER_PATCH = {128, 128, 92};
    public static final int[] PAPER_STRIDE = {112, 112, 76};

    private final int[] shape;
    private final int[] patch;
    private final int[] stride;
    private final int factor;
    private final List<Patch> patches;

    private PatchGrid(int[] shape, int[] patch, int[] stride, int factor, List<Patch> patches) {
        this.shape = shape;
        this.patch = patch;
        this.stride = stride;
        this.factor = factor;
        this.patches = Collections.unmodifiableList(patches);
    }

    /** A grid over {@code shape} with HR patch size and stride per axis and SR factor r ≥ 1. */
    public static PatchGrid of(int[] shape, int[] patch, int[] stride, int factor) {
        if (factor < 1) {
            throw new InvalidInputException("factor", "must be >= 1, got " + factor);
        }
        check3(shape, "shape");
        check3(patch, "patch");
        check3(stride, "stride");
        int[][] origins = new int[3][];
        for (int a = 0; a < 3; a++) {
            char ax = "xyz".charAt(a);
            if (patch[a] % factor != 0 || stride[a] % factor != 0) {
                throw new InvalidInputException("patch", "patch size " + patch[a] + " and stride " + stride[a] + " along "
                        + ax + " must be multiples of the factor " + factor
                        + " so that every patch has an exact low-resolution counterpart");
            }
            if (patch[a] > shape[a]) {
                throw new InvalidInputException("patch", "patch size " + patch[a] + " along " + ax
                        + " is larger than the volume (" + shape[a] + "); use a patch size <= " + shape[a]);
            }
            if (stride[a] > patch[a]) {
                throw new InvalidInputException("stride", "stride " + stride[a] + " along " + ax
                        + " exceeds the patch size " + patch[a] + " and would leave gaps");
            }
            origins[a] = origins(shape[a], patch[a], stride[a], factor);
        }
        List<Patch> list = new ArrayList<>();
        for (int z : origins[2]) {
            for (int y : origins[1]) {
                for (int x : origins[0]) {
                    list.add(new Patch(list.size(), x, y, z, patch[0], patch[1], patch[2], factor));
                }
            }
        }
        return new PatchGrid(shape.clone(), patch.clone(), stride.clone(), factor, list);
    }

    /**
     * The grid for super-resolving a low-resolution volume: it lives on the output grid, r × the
     * LR shape, which it always covers completely; each patch's {@link Patch#lowRes()} is the
     * network's input box.
     */
    public static PatchGrid forLowRes(int[] lrShape, int[] patch, int[] stride, int factor) {
        check3(lrShape, "shape");
        if (factor < 1) {
            throw new InvalidInputException("factor", "must be >= 1, got " + factor);
        }
        int[] out = new int[3];
        for (int a = 0; a < 3; a++) {
            out[a] = Math.multiplyExact(lrShape[a], factor);
        }
        return of(out, patch, stride, factor);
    }

    /** The paper's grid: 128×128×92 patches, stride 112×112×76. */
    public static PatchGrid paper(int[] shape, int factor) {
        return of(shape, PAPER_PATCH, PAPER_STRIDE, factor);
    }

    private static void check3(int[] v, String what) {
        if (v == null || v.length != 3 || v[0] < 1 || v[1] < 1 || v[2] < 1) {
            throw new InvalidInputException(what, "needs 3 positive sizes (x, y, z)");
        }
    }

    /** Origins along one axis: multiples of the stride, then the last one snapped to the border. */
    static int[] origins(int n, int p, int s, int r) {
        int last = (n - p) / r * r;
        List<Integer> o = new ArrayList<>();
        for (int k = 0; k < last; k += s) {
            o.add(k);
        }
        o.add(last);
        return o.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Only the patches with at least {@code minFraction} of their voxels inside the mask. */
    public PatchGrid withForeground(BrainMask mask, double minFraction) {
        if (mask.nx() != shape[0] || mask.ny() != shape[1] || mask.nz() != shape[2]) {
            throw new InvalidInputException("mask", "mask " + mask.nx() + "x" + mask.ny() + "x" + mask.nz()
                    + " does not match the patch grid's volume " + shape[0] + "x" + shape[1] + "x" + shape[2]);
        }
        if (!(minFraction >= 0 && minFraction <= 1)) {
            throw new InvalidInputException("foreground", "minimum fraction must be in [0, 1], got " + minFraction);
        }
        List<Patch> kept = new ArrayList<>();
        for (Patch p : patches) {
            if (mask.fraction(p.x0(), p.y0(), p.z0(), p.sx(), p.sy(), p.sz()) >= minFraction) {
                kept.add(p);
            }
        }
        return new PatchGrid(shape, patch, stride, factor, kept);
    }

    /** The patches in deterministic order (z slowest, x fastest). */
    public List<Patch> patches() {
        return patches;
    }

    public int size() {
        return patches.size();
    }

    /** The patches in an order fixed by {@code seed} (Fisher–Yates). */
    public List<Patch> shuffled(long seed) {
        List<Patch> l = new ArrayList<>(patches);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = l.size() - 1; i > 0; i--) {
            Collections.swap(l, i, rnd.nextInt(i + 1));
        }
        return l;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int[] patchSize() {
        return patch.clone();
    }

    public int[] stride() {
        return stride.clone();
    }

    public int factor() {
        return factor;
    }

    /** Per axis, how many leading voxels the grid covers: n, or less by n mod r (see class doc). */
    public int[] coveredExtent() {
        int[] e = new int[3];
        for (int a = 0; a < 3; a++) {
            e[a] = (shape[a] - patch[a]) / factor * factor + patch[a];
        }
        return e;
    }
}
