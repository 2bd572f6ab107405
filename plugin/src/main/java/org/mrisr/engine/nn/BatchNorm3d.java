package org.mrisr.engine.nn;

import java.util.List;

import org.mrisr.engine.InvalidInputException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Broadcast;
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
                    + java.util.Arrays.toString(x.shape()));
        }
        long m = x.length() / channels;
        trainedForward = training;
        if (training) {
            if (m < 2) {
                throw new InvalidInputException("training batch",
                        "batch normalisation sees one value per channel (batch " + x.size(0) + ", feature map "
                                + x.size(2) + "x" + x.size(3) + "x" + x.size(4)
                                + "); use a batch of at least 2 or larger patches");
            }
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

    @Override
    public void collect(String prefix, List<Param> out) {
        out.add(gamma.prefixed(prefix));
        out.add(beta.prefixed(prefix));
        out.add(runningMean.prefixed(prefix));
        out.add(runningVar.prefixed(prefix));
    }
}
