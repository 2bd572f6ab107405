package org.mrisr.nodes.predictor;

import java.util.LinkedHashSet;
import java.util.Set;

import org.mrisr.engine.srgan.InputCheck;
import org.mrisr.engine.srgan.PredictMemory;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.io.Contrast;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.common.NodeWarnings;
import org.mrisr.nodes.common.RowContext;
import org.mrisr.nodes.common.VolumeAppendingNodeModel.RowJob;

/**
 * One SR Predictor execution: the model and options, and the input warnings (voxel size, intensity
 * profile, contrast unlike the training data) collected row by row into the node warning.
 */
final class Prediction implements RowJob {
    private final SrModel model;
    private final PredictOptions options;
    private final long memoryBound;
    private final String backendWarning;
    private final String contrast;
    private final Set<String> inputWarnings = new LinkedHashSet<>();

    /**
     * @param memoryBound bytes a prediction may add to KNIME's memory, picking each row's window
     *            ({@link PredictMemory#share}); 0: the options' window
     * @param backendWarning what the ND4J start-up said (e.g. GPU asked for, CPU used), or null
     * @param contrast the inputs' contrast set in the node, or null: each row key (the NIfTI Reader's file
     *            name) says it ({@link Contrast#fromFileName})
     */
    Prediction(final SrModel model, final PredictOptions options, final long memoryBound, final String backendWarning,
        final String contrast) {
        this.model = model;
        this.options = options;
        this.memoryBound = memoryBound;
        this.backendWarning = backendWarning;
        this.contrast = contrast;
    }

    @Override
    public Volume apply(final Volume lr, final RowContext row) {
        for (String w : model.inputWarnings(lr)) {
            inputWarnings.add(row.key() + ": " + w);
        }
        String c = contrast != null ? contrast : Contrast.fromFileName(row.key());
        String unlike = InputCheck.contrastWarning(model.info(), c, contrast != null ? "set in the node" : "from the row key");
        if (unlike != null) {
            inputWarnings.add(row.key() + ": " + unlike);
        }
        PredictOptions o = options;
        if (memoryBound > 0) {
            int w = PredictMemory.window(memoryBound, lr.shape(), model.config(), false);
            o = new PredictOptions(w, Math.min(options.overlap(), w / 2), options.blending(), options.zeroBackground());
        }
        return model.predict(lr, o, row::progress, row::cancelled);
    }

    /** Besides bad input, one volume too large for memory (or another engine failure) must not lose the batch. */
    @Override
    public boolean refusesRow(final Throwable failure) {
        return failure instanceof RuntimeException || failure instanceof OutOfMemoryError;
    }

    @Override
    public String warning(final String refusedRows) {
        String unlike = inputWarnings.isEmpty() ? null
            : "Input unlike the model's training data: " + NodeWarnings.firstFew(inputWarnings, 3, "; ");
        return NodeWarnings.join(backendWarning, refusedRows, unlike);
    }
}
