package org.mrisr.engine.nn;

import java.nio.FloatBuffer;

import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * dLoss/dInput of a 3³ stride-2 'same' convolution on channels-last tensors with even sizes, without its
 * weight gradient: {@link ChannelsLastConv3d#backwardInput}'s way for the discriminator's strided layers.
 *
 * <p>Along one axis, with even size n TensorFlow's 'same' pads nothing before and one after, so input p = 2i + t
 * receives from output i through tap t: an even p = 2m from (i = m, t = 0) and (i = m − 1, t = 2), an odd
 * p = 2m + 1 from (i = m, t = 1). Each of the eight parity phases of the input gradient is therefore a forward
 * convolution of gradOut (channels last, which oneDNN runs with no reorder) with a 2- or 1-tap kernel per axis:
 * taps (2, 0) over gradOut padded by one in front for even, tap 1 for odd. Symmetric explicit padding adds one
 * unused row at the end of even axes. The phases are then interleaved into the gradient.
 */
final class StrideTwoInputGradient {
    private StrideTwoInputGradient() {
    }

    /** Whether {@code conv} and an input of this channels-last shape take this path. */
    static boolean fits(Conv3d conv, long[] inputShape) {
        return conv.stride() == 2 && conv.kernel() == 3 && inputShape[1] % 2 == 0 && inputShape[2] % 2 == 0
                && inputShape[3] % 2 == 0;
    }

    /** The input gradient [N, D, H, W, in] of {@code conv} from gradOut [N, D/2, H/2, W/2, out]. */
    static INDArray compute(Conv3d conv, INDArray gradOut, long[] inputShape) {
        INDArray g = ChannelsLast.contiguous(gradOut);
        int n = (int) inputShape[0];
        int d = (int) inputShape[1];
        int h = (int) inputShape[2];
        int w = (int) inputShape[3];
        int c = (int) inputShape[4];
        INDArray gi = BufferPool.uninitialized(DataType.FLOAT, inputShape);
        FloatBuffer out = ChannelsLast.floats(gi);
        float[] weights = conv.weight().value().data().asFloat();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                INDArray even = phase(conv, weights, g, a, b, 0);
                INDArray odd = phase(conv, weights, g, a, b, 1);
                interleave(ChannelsLast.floats(even), ChannelsLast.floats(odd), out, n, d, h, w, c, a, b);
                even.close();
                odd.close();
            }
        }
        return gi;
    }

    /** Phase (a, b, e) (0 even, 1 odd per axis): [N, D/2 + (1 − a), H/2 + (1 − b), W/2 + (1 − e), in]. */
    private static INDArray phase(Conv3d conv, float[] weights, INDArray g, int a, int b, int e) {
        int in = conv.inChannels();
        int outC = conv.outChannels();
        int[] k = {2 - a, 2 - b, 2 - e};
        float[] kernel = new float[in * outC * k[0] * k[1] * k[2]];
        int i = 0;
        for (int ci = 0; ci < in; ci++) {
            for (int co = 0; co < outC; co++) {
                for (int x = 0; x < k[0]; x++) {
                    for (int y = 0; y < k[1]; y++) {
                        for (int z = 0; z < k[2]; z++) {
                            int t = ((tap(a, x) * 3 + tap(b, y)) * 3 + tap(e, z));
                            kernel[i++] = weights[(co * in + ci) * 27 + t];
                        }
                    }
                }
            }
        }
        INDArray kw = Nd4j.create(kernel, new long[] {in, outC, k[0], k[1], k[2]}, 'c');
        // explicit symmetric padding (mode 0): one on even axes, NDHWC, weights [oC, iC, kD, kH, kW]
        INDArray y = Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(g, kw)
                .addIntegerArguments(k[0], k[1], k[2], 1, 1, 1, 1 - a, 1 - b, 1 - e, 1, 1, 1, 0, 1, 1).build())[0];
        kw.close();
        return y;
    }

    /** The kernel tap of position {@code x} of a phase kernel: even phases (2, 0), odd phases (1). */
    private static int tap(int parity, int x) {
        return parity == 1 ? 1 : x == 0 ? 2 : 0;
    }

    /** gi[n, 2m + a, 2m' + b, 2m'' + e, :] = phase_e[n, m, m', m'', :] for both e. */
    private static void interleave(FloatBuffer even, FloatBuffer odd, FloatBuffer out, int n, int d, int h, int w, int c,
            int a, int b) {
        int dp = d / 2 + 1 - a;
        int hp = h / 2 + 1 - b;
        int wo = w / 2;
        int rows = n * (d / 2) * (h / 2);
        Parallel.forRange(rows, (r0, r1) -> {
            float[] re = new float[(wo + 1) * c];
            float[] ro = new float[wo * c];
            float[] row = new float[w * c];
            for (int r = r0; r < r1; r++) {
                int b0 = r / ((d / 2) * (h / 2));
                int m = r / (h / 2) % (d / 2);
                int m1 = r % (h / 2);
                even.get(((b0 * dp + m) * hp + m1) * (wo + 1) * c, re, 0, wo * c);
                odd.get(((b0 * dp + m) * hp + m1) * wo * c, ro, 0, wo * c);
                for (int x = 0; x < wo; x++) {
                    System.arraycopy(re, x * c, row, 2 * x * c, c);
                    System.arraycopy(ro, x * c, row, (2 * x + 1) * c, c);
                }
                out.put(((b0 * d + 2 * m + a) * h + 2 * m1 + b) * w * c, row, 0, w * c);
            }
        });
    }
}
