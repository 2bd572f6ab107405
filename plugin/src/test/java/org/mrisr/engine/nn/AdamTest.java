package org.mrisr.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class AdamTest {

    /**
     * Adam's float loop against the ND4J op chain it replaced (written out here), over steps with
     * fresh gradients, on a small parameter and one split over several tasks: the same bits.
     */
    @Test
    void floatLoopEqualsTheOpChainBitForBit() {
        Rng rng = new Rng(11);
        int[] sizes = {7, 300_001};
        double lr = 1e-3;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        Param[] ps = new Param[sizes.length];
        INDArray[] ref = new INDArray[sizes.length];
        INDArray[] m = new INDArray[sizes.length];
        INDArray[] v = new INDArray[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            ps[i] = Param.trainable("p" + i, Nd4j.create(rng.gaussian(sizes[i], 0.1), new long[] {sizes[i]}, 'c'));
            ref[i] = ps[i].value().dup();
            m[i] = Nd4j.zeros(ref[i].dataType(), sizes[i]);
            v[i] = Nd4j.zeros(ref[i].dataType(), sizes[i]);
        }
        Adam adam = new Adam(List.of(ps), lr, b1, b2, eps);
        float[] start = ps[1].value().data().asFloat();
        for (int t = 1; t <= 4; t++) {
            double lrT = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int i = 0; i < sizes.length; i++) {
                INDArray g = Nd4j.create(rng.gaussian(sizes[i], t == 2 ? 1e-6 : 1), new long[] {sizes[i]}, 'c');
                ps[i].grad().assign(g);
                m[i].muli(b1).addi(g.mul(1 - b1));
                v[i].muli(b2).addi(g.mul(g).muli(1 - b2));
                INDArray denom = Transforms.sqrt(v[i], true).addi(eps);
                ref[i].subi(m[i].div(denom).muli(lrT));
            }
            adam.step();
            for (int i = 0; i < sizes.length; i++) {
                String at = "param " + i + ", step " + t;
                assertArrayEquals(ref[i].data().asFloat(), ps[i].value().data().asFloat(), 0f, at);
                assertArrayEquals(m[i].data().asFloat(), adam.state().get(2 * i).value().data().asFloat(), 0f, at);
                assertArrayEquals(v[i].data().asFloat(), adam.state().get(2 * i + 1).value().data().asFloat(), 0f, at);
            }
        }
        assertFalse(Arrays.equals(start, ps[1].value().data().asFloat()), "the steps moved the weights");
    }
}
