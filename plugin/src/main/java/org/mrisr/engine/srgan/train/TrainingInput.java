package org.mrisr.engine.srgan.train;

import org.mrisr.engine.ops.NormalizationParams;
import org.mrisr.engine.srgan.InputCheck;
import org.mrisr.engine.srgan.io.Contrast;
import org.mrisr.engine.srgan.io.InputRange;
import org.mrisr.engine.srgan.io.ModelInfo;

import com.google.gson.JsonObject;

/**
 * What a model records about the data it was trained on, as its {@link TrainingData} describes it;
 * {@link TrainingRecord} puts it into the model's {@link ModelInfo}.
 *
 * @param degradation      how the LR side of the pairs was made (model.json's {@code degradation})
 * @param provenance       keys the data adds to the training record (model.json's {@code training}),
 *                         e.g. the volume files or the patch and row counts of a table: the hook
 *                         through which each data source records where it came from
 * @param lrVoxelSize      LR voxel size (mm, x y z) of the training input
 * @param lrMeanNormalised mean normalised LR intensity above the background ({@link InputCheck})
 * @param normalisation    the normalisation fitted on one training LR volume, for reference; null when
 *                         none is representative (inference then fits the paper's half-max)
 * @param residualOver     what the network's output is added to ({@link ModelInfo#residualOver()})
 * @param contrast         the data's MRI contrast ({@link Contrast}), or null when the source cannot tell
 *                         (the model then records none)
 * @param range            the spread of voxel size and mean intensity over all training volumes, or null when
 *                         the source knows only one profile
 */
public record TrainingInput(JsonObject degradation, JsonObject provenance, double[] lrVoxelSize,
        double lrMeanNormalised, NormalizationParams normalisation, String residualOver, String contrast,
        InputRange range) {

    /** Without a spread over volumes. */
    public TrainingInput(JsonObject degradation, JsonObject provenance, double[] lrVoxelSize, double lrMeanNormalised,
            NormalizationParams normalisation, String residualOver, String contrast) {
        this(degradation, provenance, lrVoxelSize, lrMeanNormalised, normalisation, residualOver, contrast, null);
    }

    /** Without a contrast. */
    public TrainingInput(JsonObject degradation, JsonObject provenance, double[] lrVoxelSize, double lrMeanNormalised,
            NormalizationParams normalisation, String residualOver) {
        this(degradation, provenance, lrVoxelSize, lrMeanNormalised, normalisation, residualOver, null);
    }

    /** A network that gives the image itself. */
    public TrainingInput(JsonObject degradation, JsonObject provenance, double[] lrVoxelSize, double lrMeanNormalised,
            NormalizationParams normalisation) {
        this(degradation, provenance, lrVoxelSize, lrMeanNormalised, normalisation, ModelInfo.NO_RESIDUAL);
    }
}
