package org.mrisr.engine.eval;

import java.util.ArrayList;
import java.util.List;

import org.mrisr.engine.InvalidInputException;

/**
 * Splits a volume's grid into bx × by × bz near-equal boxes, so one region yields several scored
 * samples (mean, std, min, max over blocks) when only a few volumes exist.
 */
public final class BlockSplit {
    private BlockSplit() {
    }

    /** Boxes {x0, y0, z0, sx, sy, sz} covering {@code shape} exactly, in x-fastest order. */
    public static List<int[]> boxes(int[] shape, int[] blocks, int minEdge) {
        for (int a = 0; a < 3; a++) {
            if (blocks[a] < 1 || shape[a] / blocks[a] < minEdge) {
                throw new InvalidInputException("blocks", "axis " + "xyz".charAt(a) + " of " + shape[a]
                        + " voxels cannot be cut into " + blocks[a] + " blocks of at least " + minEdge + " voxels");
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < blocks[2]; k++) {
            for (int j = 0; j < blocks[1]; j++) {
                for (int i = 0; i < blocks[0]; i++) {
                    int[] x = edges(shape[0], blocks[0], i);
                    int[] y = edges(shape[1], blocks[1], j);
                    int[] z = edges(shape[2], blocks[2], k);
                    out.add(new int[] {x[0], y[0], z[0], x[1] - x[0], y[1] - y[0], z[1] - z[0]});
                }
            }
        }
        return out;
    }

    private static int[] edges(int n, int b, int i) {
        return new int[] {(int) ((long) n * i / b), (int) ((long) n * (i + 1) / b)};
    }
}
