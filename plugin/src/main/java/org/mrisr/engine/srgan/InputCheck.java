package org.mrisr.engine.srgan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mrisr.engine.srgan.io.Contrast;
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

    /** Human-readable warnings (empty when nothing looks off or the model recorded nothing). */
    public static List<String> warnings(ModelInfo info, Volume lr, double lrMeanNormalised) {
        List<String> w = new ArrayList<>();
        double[] ref = info.lrVoxelSize();
        if (ref != null) {
            double[] vs = lr.voxelSize();
            for (int a = 0; a < 3; a++) {
                double ratio = vs[a] / ref[a];
                if (ratio < 0.67 || ratio > 1.5) {
                    w.add(String.format(Locale.ROOT,
                            "input voxel size %.3g x %.3g x %.3g mm differs from the training data's %.3g x %.3g x %.3g mm",
                            vs[0], vs[1], vs[2], ref[0], ref[1], ref[2]));
                    break;
                }
            }
        }
        double m = info.lrMeanNormalised();
        if (!Double.isNaN(m) && !Double.isNaN(lrMeanNormalised) && Math.abs(m - lrMeanNormalised) > 0.3) {
            w.add(String.format(Locale.ROOT,
                    "input intensity profile (mean normalised foreground %.2f) differs from the training data's (%.2f); "
                            + "the model expects the same contrast and preprocessing (e.g. skull-stripped T1)",
                    lrMeanNormalised, m));
        }
        return w;
    }
}
