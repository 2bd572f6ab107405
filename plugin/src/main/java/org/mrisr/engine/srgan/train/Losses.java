package org.mrisr.engine.srgan.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Loss values and their gradients, written out by hand (no autodiff). Every method returns the
 * scalar loss and the gradient with respect to its prediction argument.
 */
public final class Losses {
    private Losses() {
    }

    /** A loss value and dLoss/dPrediction (same shape as the prediction). */
    public record ValueAndGrad(double value, INDArray grad) {
    }

    /**
     * Least-squares GAN loss 0.5·mean((s − t)²) where s = sigmoid(logits) (paper) or s = logits
     * (reference code, {@code onLogits}); targets has the shape of logits.
     */
    public static ValueAndGrad leastSquares(INDArray logits, INDArray targets, boolean onLogits) {
        long n = logits.length();
        if (onLogits) {
            INDArray diff = logits.sub(targets);
            double v = 0.5 * diff.mul(diff).sumNumber().doubleValue() / n;
            return new ValueAndGrad(v, diff.divi(n));
        }
        INDArray s = Transforms.sigmoid(logits, true);
        INDArray diff = s.sub(targets);
        double v = 0.5 * diff.mul(diff).sumNumber().doubleValue() / n;
        // d/dl 0.5 (σ(l) − t)² = (σ − t)·σ·(1 − σ)
        INDArray g = diff.muli(s).muli(s.rsub(1)).divi(n);
        return new ValueAndGrad(v, g);
    }

    /** Mean squared error mean((sr − hr)²). */
    public static ValueAndGrad mse(INDArray sr, INDArray hr) {
        INDArray diff = sr.sub(hr);
        long n = diff.length();
        double v = diff.mul(diff).sumNumber().doubleValue() / n;
        return new ValueAndGrad(v, diff.muli(2.0 / n));
    }

    /**
     * Gradient difference loss on NCDHW tensors: for each spatial axis the mean over forward
     * differences of (|∇hr| − |∇sr|)², summed over the three axes (axes of size 1 contribute 0).
     */
    public static ValueAndGrad gdl(INDArray sr, INDArray hr) {
        INDArray grad = sr.ulike().assign(0);
        double total = 0;
        for (int axis = 2; axis <= 4; axis++) {
            long len = sr.size(axis);
            if (len < 2) {
                continue;
            }
            INDArray ds = diff(sr, axis);
            INDArray dh = diff(hr, axis);
            INDArray absS = Transforms.abs(ds, true);
            INDArray r = Transforms.abs(dh, true).subi(absS); // |∇hr| − |∇sr|
            long n = r.length();
            total += r.mul(r).sumNumber().doubleValue() / n;
            // d/d(ds) = −2 r sign(ds) / n
            INDArray gd = r.muli(Transforms.sign(ds, true)).muli(-2.0 / n);
            grad.get(range(grad, axis, 1, len)).addi(gd);
            grad.get(range(grad, axis, 0, len - 1)).subi(gd);
        }
        return new ValueAndGrad(total, grad);
    }

    private static INDArray diff(INDArray a, int axis) {
        long len = a.size(axis);
        return a.get(range(a, axis, 1, len)).sub(a.get(range(a, axis, 0, len - 1)));
    }

    private static INDArrayIndex[] range(INDArray a, int axis, long from, long to) {
        INDArrayIndex[] idx = new INDArrayIndex[a.rank()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i == axis ? NDArrayIndex.interval(from, to) : NDArrayIndex.all();
        }
        return idx;
    }
}
