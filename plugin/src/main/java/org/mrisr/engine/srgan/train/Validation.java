package org.mrisr.engine.srgan.train;

import java.util.List;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Workspaces;
import org.mrisr.engine.srgan.net.Generator;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one validation of training: mean MSE(HR, G(LR)) over held-out patch pairs, in normalised
 * units, with BatchNorm in evaluation mode; lower is better. The {@link Trainer} scores the
 * generator with it every N steps ({@link Trainer#setValidation}) and keeps the best; the pairs
 * follow the {@link PatchPair} contract, so any source can provide them (a patch table, or patches
 * cut from held-out volumes).
 */
public final class Validation {
    private static final String WORKSPACE = "mrisr-validate";

    private final List<PatchPair> pairs;

    /** @param pairs held-out pairs, scored in this order */
    public Validation(List<PatchPair> pairs) {
        if (pairs.isEmpty()) {
            throw new InvalidInputException("validation set", "needs at least one patch pair");
        }
        this.pairs = List.copyOf(pairs);
    }

    public int size() {
        return pairs.size();
    }

    /** Mean squared error over every voxel of every pair; leaves the generator's weights unchanged. */
    public double mse(Generator g) {
        double sum = 0;
        long n = 0;
        try {
            for (PatchPair p : pairs) {
                try (MemoryWorkspace ws = Workspaces.open(WORKSPACE)) {
                    INDArray x = Nd4j.create(p.lr(), new long[] {1, 1, p.lrZ(), p.lrY(), p.lrX()}, 'c');
                    INDArray y = g.forward(x, false);
                    float[] sr = (y.isView() || y.ordering() != 'c' ? y.dup('c') : y).data().asFloat();
                    float[] hr = p.hr();
                    for (int k = 0; k < hr.length; k++) {
                        double d = sr[k] - hr[k];
                        sum += d * d;
                    }
                    n += hr.length;
                }
            }
        } finally {
            Workspaces.destroy(WORKSPACE);
        }
        return sum / n;
    }
}
