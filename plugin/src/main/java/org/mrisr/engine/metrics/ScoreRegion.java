package org.mrisr.engine.metrics;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Volume;

/**
 * The voxels a score sums over and the count it divides by. Without a mask: all voxels, divided
 * by all. With a mask in {@link MaskMode#MULTIPLY}: only mask voxels can differ from 0 after the
 * multiplication, so sums run over them but divide by all voxels; in {@link MaskMode#SELECT}: sums
 * and count both over mask voxels.
 */
public final class ScoreRegion {
    private final boolean[] inside;
    private final long maskVoxels;
    private final long denominator;
    private final MaskMode mode;

    private ScoreRegion(boolean[] inside, long maskVoxels, long denominator, MaskMode mode) {
        this.inside = inside;
        this.maskVoxels = maskVoxels;
        this.denominator = denominator;
        this.mode = mode;
    }

    /** Every voxel of a volume with {@code size} voxels. */
    public static ScoreRegion all(int size) {
        return new ScoreRegion(null, -1, size, null);
    }

    /**
     * From a mask volume (non-zero = inside) of the scored volumes' shape.
     *
     * @param source names the mask in errors (a file path or "mask")
     * @throws InvalidInputException when the mask has no inside voxel
     */
    public static ScoreRegion of(Volume mask, MaskMode mode, String source) {
        float[] m = mask.data();
        boolean[] in = new boolean[m.length];
        long n = 0;
        for (int i = 0; i < m.length; i++) {
            // NaN != 0 is true; a NaN mask voxel is not a sensible "inside", so test explicitly
            if (m[i] != 0 && !Float.isNaN(m[i])) {
                in[i] = true;
                n++;
            }
        }
        if (n == 0) {
            throw new InvalidInputException(source, "empty mask: no non-zero voxel, so there is nothing to score; "
                    + "check the file or use the automatic brain mask (reference > 0, holes filled)");
        }
        return new ScoreRegion(in, n, mode == MaskMode.SELECT ? n : m.length, mode);
    }

    /** Whether voxel i is summed; true for all voxels when there is no mask. */
    public boolean contains(int i) {
        return inside == null || inside[i];
    }

    /** The inside flags (shared), or null when there is no mask. */
    public boolean[] mask() {
        return inside;
    }

    /** What sums are divided by. */
    public long denominator() {
        return denominator;
    }

    /** Number of mask voxels, or −1 without a mask. */
    public long maskVoxels() {
        return maskVoxels;
    }

    /** The mask mode, or null without a mask. */
    public MaskMode mode() {
        return mode;
    }
}
