package org.mrisr.nodes.learner;

import org.knime.core.node.InvalidSettingsException;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.nodes.port.SrganModelPortObject;

/**
 * The optional warm-start model port: its factor and upsampling must be the learner's, and training
 * keeps its architecture (the models shipped with mrisr add the global input skip to the paper's
 * generator); without it training starts from the paper's generator with random weights.
 */
final class WarmStartPort {
    private WarmStartPort() {
    }

    /** Refuses a warm-start model of another factor or upsampling than the settings'. */
    static void check(final int factor, final UpsamplingMethod method, final SrganLearnerSettings settings)
        throws InvalidSettingsException {
        if (factor != settings.factor.getIntValue() || method != settings.method()) {
            throw new InvalidSettingsException("The warm-start model is x" + factor + " " + method.id()
                + " but the learner is set to x" + settings.factor.getIntValue() + " " + settings.method().id()
                + ": set factor and upsampling to the model's, or disconnect the model to train from scratch");
        }
    }

    /** The generator to train: the paper's, with the warm-start model's input skip ({@code warm} may be null). */
    static GeneratorConfig generator(final SrganLearnerSettings settings, final SrganModelPortObject warm)
        throws InvalidSettingsException {
        if (warm != null) {
            check(warm.getSpec().factor(), warm.getSpec().upsampling(), settings);
        }
        boolean inputSkip = warm != null && warm.model().config().inputSkip();
        return GeneratorConfig.paper(settings.factor.getIntValue(), settings.method()).withInputSkip(inputSkip);
    }
}
