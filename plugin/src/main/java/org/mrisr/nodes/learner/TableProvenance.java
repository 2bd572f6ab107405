package org.mrisr.nodes.learner;

import java.util.List;

import org.mrisr.engine.srgan.InputCheck;
import org.mrisr.engine.srgan.train.PatchPair;
import org.mrisr.engine.srgan.train.TrainingInput;

import com.google.gson.JsonObject;

/**
 * What a model trained by the learner records about its patch table: the degradation object says
 * the pairs came from a table (not re-simulated) and how the normalisation maximum was taken; the
 * training record gets {@code patches} and {@code table_rows} (the engine's provenance hook,
 * {@link TrainingInput#provenance()}); the input profile is that of the first LR patch's voxel
 * size and of all normalised LR patches.
 */
final class TableProvenance {
    private TableProvenance() {
    }

    /**
     * @param groupColumn the source column (null: one group for the whole table)
     * @param lrVoxelSize voxel size of the first LR patch (mm)
     * @param rows        rows in the table, including those skipped for a missing patch
     */
    static TrainingInput input(final int factor, final String groupColumn, final List<PatchPair> pairs,
        final double[] lrVoxelSize, final long rows) {
        JsonObject deg = new JsonObject();
        deg.addProperty("factor", factor);
        deg.addProperty("pairs", "patch table (KNIME Patch Extractor): LR patches as given, not re-simulated");
        deg.addProperty("normalisation", "(x - m/2)/(m/2), m = max over the LR patches of the same source ("
            + (groupColumn == null ? "whole table" : "column '" + groupColumn + "'") + ")");
        JsonObject provenance = new JsonObject();
        provenance.addProperty("patches", pairs.size());
        provenance.addProperty("table_rows", rows);
        int n = pairs.get(0).lr().length;
        float[] all = new float[pairs.size() * n];
        for (int i = 0; i < pairs.size(); i++) {
            System.arraycopy(pairs.get(i).lr(), 0, all, i * n, n);
        }
        // no single training volume: inference fits the paper's half-max, as on the training groups
        return new TrainingInput(deg, provenance, lrVoxelSize.clone(), InputCheck.meanNormalised(all), null);
    }
}
