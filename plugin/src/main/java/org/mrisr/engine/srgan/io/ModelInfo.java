package org.mrisr.engine.srgan.io;

import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.ops.Normalizer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What a model file records besides the weights.
 *
 * @param degradation     how the training LR data was made (e.g. {"sigma": 1, "downsampling": "zoom order 0"});
 *                        free-form, written by whoever made the data
 * @param training        training summary (steps, final losses, data description); free-form
 * @param seed            the training seed
 * @param lrVoxelSize     LR voxel size (mm, x y z) the model was trained on, or null if unknown
 * @param lrMeanNormalised mean normalised intensity of the training LR voxels above the background
 *                        (see {@link InputCheck}), or NaN if unknown
 * @param normalisation   parameters fitted on one training LR volume: inference fits the same method
 *                        ({@link Normalizer#like}) on each input; null means the paper's half-max
 */
public record ModelInfo(JsonObject degradation, JsonObject training, long seed, double[] lrVoxelSize,
        double lrMeanNormalised, NormalizationParams normalisation) {

    /** Half-max normalisation (the paper's). */
    public ModelInfo(JsonObject degradation, JsonObject training, long seed, double[] lrVoxelSize,
            double lrMeanNormalised) {
        this(degradation, training, seed, lrVoxelSize, lrMeanNormalised, null);
    }

    /** The normaliser inference uses. */
    public Normalizer normalizer() {
        return normalisation == null ? Normalizer.halfMax() : Normalizer.like(normalisation);
    }

    public ModelInfo {
        degradation = copy(degradation);
        training = copy(training);
        lrVoxelSize = lrVoxelSize == null ? null : lrVoxelSize.clone();
    }

    public static ModelInfo empty(long seed) {
        return new ModelInfo(null, null, seed, null, Double.NaN);
    }

    @Override
    public JsonObject degradation() {
        return copy(degradation);
    }

    @Override
    public JsonObject training() {
        return copy(training);
    }

    @Override
    public double[] lrVoxelSize() {
        return lrVoxelSize == null ? null : lrVoxelSize.clone();
    }

    // Gson 2.8.0's deepCopy is not public: copy through text
    private static JsonObject copy(JsonObject o) {
        return o == null ? new JsonObject() : new JsonParser().parse(o.toString()).getAsJsonObject();
    }
}
