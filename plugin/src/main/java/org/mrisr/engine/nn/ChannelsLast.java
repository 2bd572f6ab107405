package org.mrisr.engine.nn;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rearrangements of channels-last float tensors [N, D, H, W, C] for inference ({@link FusedConv3d}'s
 * layout): each output voxel copies one contiguous run of C floats, so they run at memory speed where the
 * NCDHW versions stride through the whole tensor.
 */
public final class ChannelsLast {
    private ChannelsLast() {
    }

    /**
     * Pixel shuffle by {@code r} of a phase-major tensor ({@link FusedConv3d.Builder#phaseMajor}):
     * [N, D, H, W, r³·C] with channel p·C + c, p = a·r² + b·r + e → [N, rD, rH, rW, C] with
     * out[n, r·z + a, r·y + b, r·x + e, c] = in[n, z, y, x, p·C + c]; the same values as
     * {@link PixelShuffle3d#shuffle} of the NCDHW tensor with channel c·r³ + p.
     */
    public static INDArray shuffle(INDArray x, int r) {
        int r3 = r * r * r;
        require(x, x.size(4) % r3 == 0, "[N,D,H,W,C*" + r3 + "]");
        return upsample(x, r, (int) (x.size(4) / r3));
    }

    private static void require(INDArray x, boolean ok, String what) {
        if (x.rank() != 5 || x.dataType() != DataType.FLOAT || !ok) {
            throw new IllegalArgumentException("expected float " + what + ", got " + x.dataType() + " "
                    + Arrays.toString(x.shape()));
        }
    }

    /** Output voxel (z, y, x) with phase p copies run p of input voxel (z/r, y/r, x/r). */
    private static INDArray upsample(INDArray src, int r, int c) {
        INDArray x = contiguous(src);
        int n = (int) x.size(0);
        int d = (int) x.size(1);
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int inC = (int) x.size(4);
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, new long[] {n, (long) d * r, (long) h * r, (long) w * r, c}, 'c');
        FloatBuffer ib = floats(x);
        FloatBuffer ob = floats(out);
        int ho = h * r;
        int wo = w * r;
        // phases e = 0..r-1 of one input voxel are adjacent runs and land side by side: copy r·C floats at once
        int run = r * c;
        Parallel.forRange(n * d * r, (from, to) -> {
            FloatBuffer il = ib.duplicate();
            FloatBuffer ol = ob.duplicate();
            for (int nz = from; nz < to; nz++) {
                int zo = nz % (d * r);
                int a = zo % r;
                long inSlice = ((long) (nz / (d * r)) * d + zo / r) * h;
                for (int yo = 0; yo < ho; yo++) {
                    int b = yo % r;
                    long inRow = (inSlice + yo / r) * w;
                    int o = (int) (((long) nz * ho + yo) * wo * c);
                    for (int xi = 0; xi < w; xi++) {
                        int p = (a * r + b) * r;
                        int from0 = (int) ((inRow + xi) * inC + (long) p * c);
                        il.limit(from0 + run).position(from0);
                        ol.position(o + xi * run);
                        ol.put(il);
                    }
                }
            }
        });
        return out;
    }

    static INDArray contiguous(INDArray a) {
        return a.isView() || a.ordering() != 'c' || a.offset() != 0 ? a.dup('c') : a;
    }

    /** The float contents of a plain C-order array as a buffer (absolute gets and puts are thread-safe on duplicates). */
    static FloatBuffer floats(INDArray a) {
        return a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
