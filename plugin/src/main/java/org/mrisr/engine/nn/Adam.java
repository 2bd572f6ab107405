package org.mrisr.engine.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma & Ba) over a fixed list of parameters, in TensorFlow's form:
 * lr_t = lr·sqrt(1 − β2^t)/(1 − β1^t); p −= lr_t·m/(sqrt(v) + ε). Moments are detached arrays
 * updated in place; {@link #state()} exposes them (plus the step count) for checkpoints.
 */
public final class Adam {
    private final List<Param> params;
    private final List<INDArray> m = new ArrayList<>();
    private final List<INDArray> v = new ArrayList<>();
    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private long t;

    public Adam(List<Param> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8);
    }

    public Adam(List<Param> params, double lr, double beta1, double beta2, double eps) {
        this.params = List.copyOf(params);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        for (Param p : this.params) {
            if (!p.isTrainable()) {
                throw new IllegalArgumentException("not trainable: " + p.name());
            }
            m.add(Arrays5.detachedZeros(p.value().shape()));
            v.add(Arrays5.detachedZeros(p.value().shape()));
        }
    }

    public void setLearningRate(double lr) {
        this.lr = lr;
    }

    public double learningRate() {
        return lr;
    }

    public long steps() {
        return t;
    }

    public void setSteps(long steps) {
        this.t = steps;
    }

    /** One update from the accumulated gradients (which are left as they are). */
    public void step() {
        t++;
        double lrT = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (int i = 0; i < params.size(); i++) {
            INDArray g = params.get(i).grad();
            INDArray mi = m.get(i);
            INDArray vi = v.get(i);
            mi.muli(beta1).addi(g.mul(1 - beta1));
            vi.muli(beta2).addi(g.mul(g).muli(1 - beta2));
            INDArray denom = Transforms.sqrt(vi, true).addi(eps);
            params.get(i).value().subi(mi.div(denom).muli(lrT));
        }
    }

    /** Moment arrays as named params ("m.<name>", "v.<name>") for checkpointing (same arrays). */
    public List<Param> state() {
        List<Param> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            out.add(Param.buffer("m." + params.get(i).name(), m.get(i)));
            out.add(Param.buffer("v." + params.get(i).name(), v.get(i)));
        }
        return out;
    }
}
