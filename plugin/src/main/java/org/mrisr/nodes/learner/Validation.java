package org.mrisr.nodes.learner;

import org.mrisr.engine.nn.Workspaces;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.train.PatchPair;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Validation loss: mean MSE(HR, G(LR)) over validation patches, normalised units, BatchNorm in evaluation mode. */
final class Validation {
    private static final String WORKSPACE = "mrisr-validate";

    private Validation() {
    }

    static double mse(final Generator g, final TablePatchSource patches) {
        double sum = 0;
        long n = 0;
        try {
            for (int i = 0; i < patches.size(); i++) {
                PatchPair p = patches.get(i);
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
