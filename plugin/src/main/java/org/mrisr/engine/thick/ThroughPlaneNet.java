package org.mrisr.engine.thick;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.mrisr.engine.nn.Layer;
import org.mrisr.engine.patch.WindowFunction;
import org.mrisr.engine.volume.Volume;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The network applied across the slices of one window (a {@link WindowFunction} for the sliding-
 * window inferer): the window is refined along the thick axis with {@link ThroughPlane#cubic}, then
 * every through-plane image — H along the thick axis, W along one in-plane axis — goes through the
 * network, for both in-plane axes when {@code fuse} is set, and the two results are averaged (the
 * two orthogonal orientations ECLARE fuses). Images go through in chunks of at most
 * {@link #CHUNK_PIXELS} pixels, so memory does not grow with the window.
 */
final class ThroughPlaneNet implements WindowFunction {
    static final int CHUNK_PIXELS = 1 << 17;

    private final SliceNet net;
    private final int axis;
    private final int factor;
    private final boolean fuse;
    private final DoubleConsumer progress;
    private final BooleanSupplier cancel;

    /**
     * @param progress receives the share of the current window's images done after each chunk (may be null)
     * @param cancel   checked before each chunk (may be null); true throws {@link CancellationException}
     */
    ThroughPlaneNet(SliceNet net, int axis, int factor, boolean fuse, DoubleConsumer progress, BooleanSupplier cancel) {
        this.net = net;
        this.axis = axis;
        this.factor = factor;
        this.fuse = fuse;
        this.progress = progress;
        this.cancel = cancel;
    }

    @Override
    public Volume apply(Volume window) {
        Volume fine = ThroughPlane.cubic(window, axis, factor);
        float[] out = new float[fine.size()];
        int u = (axis + 1) % 3;
        int v = (axis + 2) % 3;
        int images = fuse ? fine.shape()[u] + fine.shape()[v] : fine.shape()[v];
        run(fine, u, v, out, fuse ? 0.5f : 1f, 0, images);
        if (fuse) {
            run(fine, v, u, out, 0.5f, fine.shape()[v], images);
        }
        return fine.withData(out);
    }

    /** Adds weight × network output of every (H = axis, W = w) image, one per index along {@code other}. */
    private void run(Volume fine, int w, int other, float[] out, float weight, int before, int images) {
        int[] n = fine.shape();
        int[] stride = {1, n[0], n[0] * n[1]};
        int h = n[axis];
        int width = n[w];
        int pixels = h * width;
        int chunk = Math.max(1, Math.min(n[other], CHUNK_PIXELS / pixels));
        float[] src = fine.data();
        float[] buf = new float[chunk * pixels];
        for (int o0 = 0; o0 < n[other]; o0 += chunk) {
            if (cancel != null && cancel.getAsBoolean()) {
                throw new CancellationException("cancelled while refining");
            }
            int count = Math.min(chunk, n[other] - o0);
            for (int c = 0; c < count; c++) {
                int base = (o0 + c) * stride[other];
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < width; j++) {
                        buf[c * pixels + i * width + j] = src[base + i * stride[axis] + j * stride[w]];
                    }
                }
            }
            float[] data = count == chunk ? buf : Arrays.copyOf(buf, count * pixels);
            INDArray x = Nd4j.create(data, new long[] {count, h, width, 1}, 'c');
            INDArray y = net.forward(x, false);
            float[] res = y.reshape(y.length()).toFloatVector();
            Layer.release(y);
            Layer.release(x);
            for (int c = 0; c < count; c++) {
                int base = (o0 + c) * stride[other];
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < width; j++) {
                        out[base + i * stride[axis] + j * stride[w]] += weight * res[c * pixels + i * width + j];
                    }
                }
            }
            if (progress != null) {
                progress.accept((before + o0 + count) / (double) images);
            }
        }
    }
}
