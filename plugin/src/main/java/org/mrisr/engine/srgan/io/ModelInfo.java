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
 * @param residualOver    what the generator's output is added to: {@link #NO_RESIDUAL} (the network
 *                        gives the image; the paper) or {@link #CUBIC_RESIDUAL} (it gives the difference
 *                        to the cubic-spline upsampling of its normalised input, computed on the whole
 *                        volume outside the network)
 * @param contrast        the training data's MRI contrast ({@link Contrast}: a known name or
 *                        {@link Contrast#UNKNOWN}), or null when the file does not record it (older files)
 */
public record ModelInfo(JsonObject degradation, JsonObject training, long seed, double[] lrVoxelSize,
        double lrMeanNormalised, NormalizationParams normalisation, String residualOver, String contrast,
        InputRange inputRange) {
    public static final String NO_RESIDUAL = "none";
    public static final String CUBIC_RESIDUAL = "cubic-spline";

    /** Without the spread over the training volumes (only the one recorded profile). */
    public ModelInfo(JsonObject degradation, JsonObject training, long seed, double[] lrVoxelSize,
            double lrMeanNormalised, NormalizationParams normalisation, String residualOver, String contrast) {
        this(degradation, training, seed, lrVoxelSize, lrMeanNormalised, normalisation, residualOver, contrast, null);
    }

    /** Without a recorded contrast. */
    public ModelInfo(JsonObject degradation, JsonObject training, long seed, double[] lrVoxelSize,
            double lrMeanNormalised, NormalizationParams normalisation, String residualOver) {
        this(degradation, training, seed, lrVoxelSize, lrMeanNormalised, normalisation, residualOver, null);
    }

    /** A model whose network gives the image itself. */
    public ModelInfo(JsonObject degradation, JsonObject training, long seed, double[] lrVoxelSize,
            double lrMeanNormalised, NormalizationParams normalisation) {
        this(degradation, training, seed, lrVoxelSize, lrMeanNormalised, normalisation, NO_RESIDUAL);
    }

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
        if (!NO_RESIDUAL.equals(residualOver) && !CUBIC_RESIDUAL.equals(residualOver)) {
            throw new IllegalArgumentException("residualOver must be " + NO_RESIDUAL + " or " + CUBIC_RESIDUAL + ", got "
                    + residualOver);
        }
        if (contrast != null && !Contrast.UNKNOWN.equals(contrast) && !Contrast.known(contrast)) {
            throw new IllegalArgumentException("contrast must be one of " + Contrast.KNOWN + " or unknown, got " + contrast);
        }
        degradation = copy(degradation);
        training = copy(training);
        lrVoxelSize = lrVoxelSize == null ? null : lrVoxelSize.clone();
    }

    /** True when the network's output is a residual over the cubic-spline upsampling. */
    public boolean cubicResidual() {
        return CUBIC_RESIDUAL.equals(residualOver);
    }

    /** The same record with another residual mode. */
    public ModelInfo withResidualOver(String mode) {
        return new ModelInfo(degradation, training, seed, lrVoxelSize, lrMeanNormalised, normalisation, mode, contrast,
                inputRange);
    }

    /** The same record with another training summary. */
    public ModelInfo withTraining(JsonObject t) {
        return new ModelInfo(degradation, t, seed, lrVoxelSize, lrMeanNormalised, normalisation, residualOver, contrast,
                inputRange);
    }

    /** The same record with the training data's contrast ({@link Contrast}). */
    public ModelInfo withContrast(String c) {
        return new ModelInfo(degradation, training, seed, lrVoxelSize, lrMeanNormalised, normalisation, residualOver, c,
                inputRange);
    }

    /** The same record with the spread of the training volumes' profiles ({@link InputRange}). */
    public ModelInfo withInputRange(InputRange r) {
        return new ModelInfo(degradation, training, seed, lrVoxelSize, lrMeanNormalised, normalisation, residualOver,
                contrast, r);
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
