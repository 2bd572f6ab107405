package org.mrisr.engine.srgan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mrisr.engine.srgan.io.Contrast;
import org.mrisr.engine.srgan.io.InputRange;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.volume.Volume;

/**
 * Warns when an input volume looks unlike the model's training data: a model trained on
 * skull-stripped T1 blurred with σ = 1 at one voxel size expects the same. Voxel size and
 * intensity profile come from the volume; the contrast from its name or the user
 * ({@link #contrastWarning}), compared with what model.json records.
 */
public final class InputCheck {
    /** Voxels at or below this normalised value count as background for the intensity statistic. */
    static final double BACKGROUND = -0.9;

    private InputCheck() {
    }

    /** Mean normalised intensity of the voxels above the background (NaN if none). */
    public static double meanNormalised(float[] normalised) {
        double s = 0;
        long n = 0;
        for (float v : normalised) {
            if (v > BACKGROUND) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * The warning for an input of another contrast than the model's training data, or null when
     * either is unknown or they agree. {@code how} says where the input's contrast came from, e.g.
     * "from the file name".
     */
    public static String contrastWarning(ModelInfo info, String inputContrast, String how) {
        String trained = info.contrast();
        if (!Contrast.known(trained) || !Contrast.known(inputContrast) || trained.equals(inputContrast)) {
            return null;
        }
        return "contrast " + inputContrast + " (" + how + ") unlike the model's training data (" + trained
                + "); expect worse results than on " + trained;
    }

    /**
     * Human-readable warnings (empty when nothing looks off or the model recorded nothing). With the spread of
     * the training volumes ({@link InputRange}) an input is unlike them when its voxel size is below 0.67 x the
     * smallest or above 1.5 x the largest on an axis, or its mean normalised foreground is more than 0.3 outside
     * theirs; older files compare with their one recorded profile the same way.
     */
    public static List<String> warnings(ModelInfo info, Volume lr, double lrMeanNormalised) {
        List<String> w = new ArrayList<>();
        InputRange range = info.inputRange();
        double[] lo = range != null ? range.voxelMin() : info.lrVoxelSize();
        double[] hi = range != null ? range.voxelMax() : info.lrVoxelSize();
        if (lo != null) {
            double[] vs = lr.voxelSize();
            for (int a = 0; a < 3; a++) {
                if (vs[a] < 0.67 * lo[a] || vs[a] > 1.5 * hi[a]) {
                    w.add(String.format(Locale.ROOT, "input voxel size %.3g x %.3g x %.3g mm differs from the training "
                            + "data's %s mm", vs[0], vs[1], vs[2], range == null ? size(lo) : size(lo) + " to " + size(hi)));
                    break;
                }
            }
        }
        double mlo = range != null ? range.meanMin() : info.lrMeanNormalised();
        double mhi = range != null ? range.meanMax() : info.lrMeanNormalised();
        if (!Double.isNaN(mlo) && !Double.isNaN(lrMeanNormalised)
                && (lrMeanNormalised < mlo - 0.3 || lrMeanNormalised > mhi + 0.3)) {
            w.add(String.format(Locale.ROOT,
                    "input intensity profile (mean normalised foreground %.2f) differs from the training data's (%s); "
                            + "the model expects the same contrast and preprocessing (e.g. skull-stripped T1)",
                    lrMeanNormalised, mlo == mhi ? String.format(Locale.ROOT, "%.2f", mlo)
                            : String.format(Locale.ROOT, "%.2f to %.2f", mlo, mhi)));
        }
        return w;
    }

    private static String size(double[] v) {
        return String.format(Locale.ROOT, "%.3g x %.3g x %.3g", v[0], v[1], v[2]);
    }
}
