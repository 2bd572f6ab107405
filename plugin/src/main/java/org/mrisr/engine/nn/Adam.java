package org.mrisr.engine.nn;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

import org.mrisr.engine.compute.Parallel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma & Ba) over a fixed list of parameters, in TensorFlow's form:
 * lr_t = lr·sqrt(1 − β2^t)/(1 − β1^t); p −= lr_t·m/(sqrt(v) + ε). Moments are detached arrays
 * updated in place; {@link #state()} exposes them (plus the step count) for checkpoints.
 *
 * <p>Float parameters take one loop per element with no temporaries: the ND4J op chain made four
 * arrays the size of each parameter in the step's workspace (268 MB for the paper's discriminator
 * at 64³, whose dense layer has 16.8 M weights). The loop does the ops' float operations in their
 * order (each rounded to float; Java does not fuse them), so it gives the same bits.
 */
public final class Adam {
    /** Elements per task: small parameters stay on the calling thread. */
    private static final int CHUNK = 1 << 16;
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
            INDArray p = params.get(i).value();
            if (plainFloat(g) && plainFloat(mi) && plainFloat(vi) && plainFloat(p)) {
                update(p, g, mi, vi, lrT);
                continue;
            }
            mi.muli(beta1).addi(g.mul(1 - beta1));
            vi.muli(beta2).addi(g.mul(g).muli(1 - beta2));
            INDArray denom = Transforms.sqrt(vi, true).addi(eps);
            params.get(i).value().subi(mi.div(denom).muli(lrT));
        }
    }

    /** The op chain above, element by element, scalars cast to float as ND4J's scalar ops do. */
    private void update(INDArray p, INDArray g, INDArray mi, INDArray vi, double lrT) {
        FloatBuffer pb = floats(p);
        FloatBuffer gb = floats(g);
        FloatBuffer mb = floats(mi);
        FloatBuffer vb = floats(vi);
        float b1 = (float) beta1;
        float c1 = (float) (1 - beta1);
        float b2 = (float) beta2;
        float c2 = (float) (1 - beta2);
        float e = (float) eps;
        float l = (float) lrT;
        int n = (int) p.length();
        Parallel.forChunks(n, (n + CHUNK - 1) / CHUNK, (from, to) -> {
            FloatBuffer pl = pb.duplicate();
            FloatBuffer gl = gb.duplicate();
            FloatBuffer ml = mb.duplicate();
            FloatBuffer vl = vb.duplicate();
            for (int j = from; j < to; j++) {
                float gj = gl.get(j);
                float mj = ml.get(j) * b1 + gj * c1;
                float vj = vl.get(j) * b2 + gj * gj * c2;
                ml.put(j, mj);
                vl.put(j, vj);
                // float sqrt through double is exact: double holds more than twice float's precision
                float denom = (float) Math.sqrt(vj) + e;
                pl.put(j, pl.get(j) - mj / denom * l);
            }
        });
    }

    private static boolean plainFloat(INDArray a) {
        return a.dataType() == DataType.FLOAT && !a.isView() && a.ordering() == 'c' && a.offset() == 0
                && a.length() < Integer.MAX_VALUE;
    }

    private static FloatBuffer floats(INDArray a) {
        return a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
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
