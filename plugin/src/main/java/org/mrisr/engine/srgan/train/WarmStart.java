package org.mrisr.engine.srgan.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Param;
import org.mrisr.engine.srgan.net.Generator;

/** Starts training from a trained model's generator weights (fine-tuning a shipped model). */
public final class WarmStart {
    private WarmStart() {
    }

    /**
     * Copies every generator parameter and BatchNorm statistic of {@code from} into {@code to}.
     * Architectures must match exactly (factor, method, filters, blocks); {@code source} names the
     * model in the error otherwise.
     */
    public static void copyGenerator(Generator from, Generator to, String source) {
        if (!from.config().equals(to.config())) {
            throw new InvalidInputException(source, "model architecture " + from.config()
                    + " does not match the one being trained " + to.config()
                    + "; use the same --factor and --upsampling, or train from scratch");
        }
        Map<String, Param> byName = new HashMap<>();
        for (Param p : from.params()) {
            byName.put(p.name(), p);
        }
        List<Param> dst = to.params();
        for (Param p : dst) {
            Param s = byName.get(p.name());
            if (s == null || !Arrays.equals(s.value().shape(), p.value().shape())) {
                throw new InvalidInputException(source, "parameter " + p.name() + " missing or of another shape");
            }
            p.value().assign(s.value());
        }
    }
}
