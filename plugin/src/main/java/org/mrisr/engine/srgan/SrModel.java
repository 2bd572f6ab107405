package org.mrisr.engine.srgan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.mrisr.engine.volume.Volume;

/**
 * A trained super-resolution model: generator weights plus what the model file records. The object
 * callers use: {@link #predict}, {@link #save}, {@link #load}. Not thread-safe.
 */
public final class SrModel {
    private final Generator generator;
    private final ModelInfo info;

    public SrModel(Generator generator, ModelInfo info) {
        this.generator = generator;
        this.info = info;
    }

    /** Loads and validates a model file; bad files raise {@link org.mrisr.engine.InvalidInputException}. */
    public static SrModel load(Path file) {
        ModelFile.Loaded l = ModelFile.read(file);
        return new SrModel(l.generator(), l.info());
    }

    public void save(Path file) throws IOException {
        ModelFile.write(file, generator, info);
    }

    public Volume predict(Volume lr) {
        return predict(lr, PredictOptions.defaults());
    }

    public Volume predict(Volume lr, PredictOptions options) {
        return new SrPredictor(generator, options, info.normalizer()).predict(lr);
    }

    /** Warnings when the input looks unlike the training data (voxel size, intensity profile). */
    public List<String> inputWarnings(Volume lr) {
        org.mrisr.engine.ops.NormalizationParams p = info.normalizer().fit(lr);
        return InputCheck.warnings(info, lr,
                InputCheck.meanNormalised(org.mrisr.engine.ops.Normalizer.apply(lr, p).data()));
    }

    public int factor() {
        return generator.config().factor();
    }

    public GeneratorConfig config() {
        return generator.config();
    }

    public ModelInfo info() {
        return info;
    }

    public Generator generator() {
        return generator;
    }

    /** The same model with one more string entry in its training summary (e.g. data provenance). */
    public SrModel withTrainingNote(String key, String value) {
        com.google.gson.JsonObject t = info.training();
        t.addProperty(key, value);
        return new SrModel(generator, new ModelInfo(info.degradation(), t, info.seed(), info.lrVoxelSize(),
                info.lrMeanNormalised(), info.normalisation()));
    }
}
