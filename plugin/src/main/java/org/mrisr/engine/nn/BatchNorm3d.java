package org.mrisr.engine.nn;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Batch normalisation per channel over (N, D, H, W) of an NCDHW tensor. Written here because
 * DL4J's layer refuses rank-5 input.
 *
 * <p>Training normalises with the batch statistics (biased variance) and updates the running
 * statistics with {@code running = (1 − momentum)·running + momentum·batch} (unbiased variance, as
 * PyTorch); evaluation uses the running statistics. Defaults: eps 1e-3 (TensorFlow's batch_norm,
 * which the reference code uses), momentum 0.1.
 *
 * <p>Guard: with one value per channel (batch 1 and a 1×1×1 feature map) batch statistics are
 * degenerate and every output would silently equal beta; training refuses that.
 */
public final class BatchNorm3d extends Layer {
    private static final int[] REDUCE = {0, 2, 3, 4};
    private final int channels;
    private final double eps;
    private final double momentum;
    private final Param gamma;
    private final Param beta;
    private final Param runningMean;
    private final Param runningVar;
    private INDArray xhat;
    private INDArray invStd;
    private boolean trainedForward;
    private boolean fast = true;
    // fast path state: the input and per-channel mean and 1/std (xhat is recomputed, not stored)
    private INDArray fastInput;
    private double[] fastMean;
    private double[] fastInvStd;

    public BatchNorm3d(int channels) {
        this(channels, 1e-3, 0.1);
    }

    public BatchNorm3d(int channels, double eps, double momentum) {
        this.channels = channels;
        this.eps = eps;
        this.momentum = momentum;
        this.gamma = Param.trainable("gamma", Arrays5.detachedFilled(1, channels));
        this.beta = Param.trainable("beta", Arrays5.detachedZeros(channels));
        this.runningMean = Param.buffer("mean", Arrays5.detachedZeros(channels));
        this.runningVar = Param.buffer("var", Arrays5.detachedFilled(1, channels));
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        if (x.rank() != 5 || x.size(1) != channels) {
            throw new IllegalArgumentException("batchnorm3d expects [N," + channels + ",D,H,W], got "
                    + Arrays.toString(x.shape()));
        }
        long m = x.length() / channels;
        trainedForward = training;
        if (training && m < 2) {
            throw new InvalidInputException("training batch",
                    "batch normalisation sees one value per channel (batch " + x.size(0) + ", feature map "
                            + x.size(2) + "x" + x.size(3) + "x" + x.size(4)
                            + "); use a batch of at least 2 or larger patches");
        }
        if (x.dataType() == DataType.FLOAT && fast) {
            return fastForward(x, training);
        }
        fastInput = null;
        if (training) {
            INDArray mean = x.mean(REDUCE);
            INDArray xc = Broadcast.sub(x, mean, x.ulike(), 1);
            INDArray var = xc.mul(xc).mean(REDUCE);
            invStd = Transforms.pow(var.add(eps), -0.5, false);
            xhat = Broadcast.mul(xc, invStd, xc, 1);
            runningMean.value().muli(1 - momentum).addi(mean.mul(momentum));
            runningVar.value().muli(1 - momentum).addi(var.mul(momentum * m / (m - 1.0)));
        } else {
            invStd = Transforms.pow(runningVar.value().add(eps), -0.5, false);
            INDArray xc = Broadcast.sub(x, runningMean.value(), x.ulike(), 1);
            xhat = Broadcast.mul(xc, invStd, xc, 1);
        }
        INDArray y = Broadcast.mul(xhat, gamma.value(), xhat.ulike(), 1);
        return Broadcast.add(y, beta.value(), y, 1);
    }

    @Override
    public INDArray backward(INDArray g) {
        if (fastInput != null) {
            return fastBackward(g);
        }
        INDArray sumG = g.sum(REDUCE);
        INDArray sumGX = g.mul(xhat).sum(REDUCE);
        gamma.grad().addi(sumGX);
        beta.grad().addi(sumG);
        INDArray scale = gamma.value().mul(invStd);
        INDArray gx;
        if (trainedForward) {
            double m = g.length() / (double) channels;
            gx = Broadcast.mul(xhat, sumGX.div(m), xhat.ulike(), 1);
            gx.rsubi(g);
            Broadcast.sub(gx, sumG.div(m), gx, 1);
        } else {
            gx = g.dup();
        }
        return Broadcast.mul(gx, scale, gx, 1);
    }

    /**
     * Evaluation mode as an affine map per channel, y = scale·x + shift with scale = γ/√(var + eps) and
     * shift = β − mean·scale from the running statistics, in double: what folding into the preceding
     * convolution multiplies in. Returns {scale, shift}.
     */
    public double[][] evalScaleShift() {
        float[] gam = gamma.value().data().asFloat();
        float[] bet = beta.value().data().asFloat();
        float[] rm = runningMean.value().data().asFloat();
        float[] rv = runningVar.value().data().asFloat();
        double[] scale = new double[channels];
        double[] shift = new double[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = gam[c] / Math.sqrt(rv[c] + eps);
            shift[c] = bet[c] - rm[c] * scale[c];
        }
        return new double[][] {scale, shift};
    }

    /** Switches the direct float loops off (tests compare both paths). */
    void setFast(boolean on) {
        this.fast = on;
    }

    /*
     * Direct loops over the float buffers, channels split over the compute pool: ND4J's rank-5 broadcast ops along
     * the channel axis ran at ~70 M elements/s here, slower than the convolutions they follow.
     * Statistics accumulate in double; the variance is two-pass.
     */
    private INDArray fastForward(INDArray xIn, boolean training) {
        INDArray x = contiguous(xIn);
        int n = (int) x.size(0);
        int s = (int) (x.length() / (n * (long) channels));
        long m = (long) n * s;
        FloatBuffer in = floats(x);
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, x.shape(), 'c');
        FloatBuffer out = floats(y);
        double[] mean = new double[channels];
        double[] inv = new double[channels];
        double[] var = new double[channels];
        float[] gam = gamma.value().data().asFloat();
        float[] bet = beta.value().data().asFloat();
        float[] rm = runningMean.value().data().asFloat();
        float[] rv = runningVar.value().data().asFloat();
        Parallel.forRange(channels, (c0, c1) -> {
            FloatBuffer ib = in.duplicate();
            FloatBuffer ob = out.duplicate();
            for (int c = c0; c < c1; c++) {
                double mu;
                double v;
                if (training) {
                    double sum = 0;
                    for (int b = 0; b < n; b++) {
                        int base = (b * channels + c) * s;
                        for (int i = 0; i < s; i++) {
                            sum += ib.get(base + i);
                        }
                    }
                    mu = sum / m;
                    double sq = 0;
                    for (int b = 0; b < n; b++) {
                        int base = (b * channels + c) * s;
                        for (int i = 0; i < s; i++) {
                            double d = ib.get(base + i) - mu;
                            sq += d * d;
                        }
                    }
                    v = sq / m;
                } else {
                    mu = rm[c];
                    v = rv[c];
                }
                double is = 1.0 / Math.sqrt(v + eps);
                mean[c] = mu;
                var[c] = v;
                inv[c] = is;
                float scale = (float) (gam[c] * is);
                float shift = (float) (bet[c] - mu * gam[c] * is);
                for (int b = 0; b < n; b++) {
                    int base = (b * channels + c) * s;
                    for (int i = 0; i < s; i++) {
                        ob.put(base + i, ib.get(base + i) * scale + shift);
                    }
                }
            }
        });
        if (training) {
            updateRunning(mean, var, m);
        }
        fastInput = x;
        fastMean = mean;
        fastInvStd = inv;
        return y;
    }

    private INDArray fastBackward(INDArray gIn) {
        INDArray g = contiguous(gIn);
        INDArray x = fastInput;
        int n = (int) x.size(0);
        int s = (int) (x.length() / (n * (long) channels));
        long m = (long) n * s;
        FloatBuffer xb = floats(x);
        FloatBuffer gb = floats(g);
        INDArray gx = BufferPool.uninitialized(DataType.FLOAT, x.shape());
        FloatBuffer ob = floats(gx);
        float[] gam = gamma.value().data().asFloat();
        double[] sumG = new double[channels];
        double[] sumGX = new double[channels];
        boolean training = trainedForward;
        Parallel.forRange(channels, (c0, c1) -> {
            FloatBuffer xl = xb.duplicate();
            FloatBuffer gl = gb.duplicate();
            FloatBuffer ol = ob.duplicate();
            for (int c = c0; c < c1; c++) {
                double mu = fastMean[c];
                double is = fastInvStd[c];
                double sg = 0;
                double sgx = 0;
                for (int b = 0; b < n; b++) {
                    int base = (b * channels + c) * s;
                    for (int i = 0; i < s; i++) {
                        double gv = gl.get(base + i);
                        sg += gv;
                        sgx += gv * (xl.get(base + i) - mu) * is;
                    }
                }
                sumG[c] = sg;
                sumGX[c] = sgx;
                double k = gam[c] * is;
                double a = training ? sg / m : 0;
                double bcoef = training ? sgx / m : 0;
                for (int b = 0; b < n; b++) {
                    int base = (b * channels + c) * s;
                    for (int i = 0; i < s; i++) {
                        double xh = (xl.get(base + i) - mu) * is;
                        ol.put(base + i, (float) (k * (gl.get(base + i) - a - xh * bcoef)));
                    }
                }
            }
        });
        addGradients(sumGX, sumG);
        return gx;
    }

    /** running = (1 − momentum)·running + momentum·batch, the variance unbiased over {@code m} values. */
    void updateRunning(double[] mean, double[] var, long m) {
        float[] rm = runningMean.value().data().asFloat();
        float[] rv = runningVar.value().data().asFloat();
        float[] nm = new float[channels];
        float[] nv = new float[channels];
        for (int c = 0; c < channels; c++) {
            nm[c] = (float) ((1 - momentum) * rm[c] + momentum * mean[c]);
            nv[c] = (float) ((1 - momentum) * rv[c] + momentum * var[c] * m / (m - 1.0));
        }
        runningMean.value().assign(Nd4j.createFromArray(nm));
        runningVar.value().assign(Nd4j.createFromArray(nv));
    }

    /** Adds Σ g·x̂ to gamma's and Σ g to beta's gradient. */
    void addGradients(double[] sumGX, double[] sumG) {
        gamma.grad().addi(Nd4j.createFromArray(sumGX).castTo(gamma.grad().dataType()));
        beta.grad().addi(Nd4j.createFromArray(sumG).castTo(beta.grad().dataType()));
    }

    int channels() {
        return channels;
    }

    double eps() {
        return eps;
    }

    float[] gammaValues() {
        return gamma.value().data().asFloat();
    }

    float[] betaValues() {
        return beta.value().data().asFloat();
    }

    /** {running mean, running variance}. */
    float[][] runningStatistics() {
        return new float[][] {runningMean.value().data().asFloat(), runningVar.value().data().asFloat()};
    }

    private static INDArray contiguous(INDArray a) {
        return a.isView() || a.ordering() != 'c' || a.offset() != 0 ? a.dup('c') : a;
    }

    private static FloatBuffer floats(INDArray a) {
        return a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    @Override
    public void collect(String prefix, List<Param> out) {
        out.add(gamma.prefixed(prefix));
        out.add(beta.prefixed(prefix));
        out.add(runningMean.prefixed(prefix));
        out.add(runningVar.prefixed(prefix));
    }
}
