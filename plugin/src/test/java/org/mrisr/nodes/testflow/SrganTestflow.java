package org.mrisr.nodes.testflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.mrisr.nodes.degrade.DegradeNodeFactory;
import org.mrisr.nodes.learner.SrganLearnerNodeFactory;
import org.mrisr.nodes.patches.PatchExtractorNodeFactory;
import org.mrisr.nodes.predictor.SrPredictorNodeFactory;
import org.mrisr.nodes.reader.NiftiReaderNodeFactory;
import org.mrisr.nodes.reader.ReaderLocations;
import org.mrisr.nodes.scorer.ScorerNodeFactory;
import org.mrisr.nodes.testflow.DemoTestflow.FlowNode;

/**
 * The SRGAN testflow {@code testflows/mrisr-srgan}: NIfTI Reader (#1) → Degrade (#2) → Patch Extractor
 * (#3) → SRGAN Learner (#4, 2 steps on at most 8 pairs of 32³ HR patches) → SR Predictor (#5, model from #4,
 * LR volumes from #2) → PSNR/SSIM Scorer (#6), plus a Testflow Configuration (#7). Written in the same
 * on-disk format as {@link DemoTestflow} (whose writer it follows); run {@link #main} from the repository
 * root to rewrite the files after settings change; {@code SrganTestflowTest} fails until they are regenerated.
 */
public final class SrganTestflow {
    static final String NAME = "mrisr-srgan";
    static final int CONFIG_ID = 7;

    /** {source id, source port, dest id, dest port} (0-based ports; the Learner's port 0 is the model). */
    static final int[][] CONNECTIONS = {{1, 0, 2, 0}, {2, 0, 3, 0}, {3, 0, 4, 0}, {4, 0, 5, 0}, {2, 0, 5, 1},
        {5, 0, 6, 0}};

    static List<FlowNode> nodes() {
        return List.of(
            new FlowNode(1, "NIfTI Reader", new NiftiReaderNodeFactory(), ReaderLocations.readFrom(DemoTestflow.DATA),
                60, 120),
            new FlowNode(2, "Degrade", new DegradeNodeFactory(), s -> s.addString("hr_column", "Volume"), 200, 120),
            new FlowNode(3, "Patch Extractor", new PatchExtractorNodeFactory(), s -> {
                s.addString("hr_column", "Volume");
                s.addString("lr_column", "LR volume");
                s.addInt("max_patches_per_volume", 8);
            }, 340, 120),
            new FlowNode(4, "SRGAN Learner", new SrganLearnerNodeFactory(), s -> {
                s.addInt("steps", 2);
                s.addInt("batch_size", 2);
            }, 480, 120),
            new FlowNode(5, "SR Predictor", new SrPredictorNodeFactory(), s -> {
                s.addString("lr_column", "LR volume");
                s.addString("hr_column", "Volume");
            }, 620, 200),
            new FlowNode(6, "PSNR/SSIM Scorer", new ScorerNodeFactory(), s -> {
                s.addString("reference_column", "Volume");
                s.addString("test_column", "SR volume");
                s.addString("mask_source", "auto (reference > 0, holes filled)");
            }, 760, 200));
    }

    private SrganTestflow() {
    }

    /** Writes testflows/mrisr-srgan under the given repository root (default: the working directory). */
    public static void main(final String[] args) throws Exception {
        write(Path.of(args.length > 0 ? args[0] : ".").resolve("testflows").resolve(NAME));
    }

    static void write(final Path dir) throws IOException, InvalidSettingsException {
        DemoTestflow.writeFlow(dir, "mrisr SRGAN: read a 40^3 crop of ch2bet, degrade x2, extract 32^3 patch pairs, train the SRGAN "
            + "for 2 steps (a smoke test, not a useful model), super-resolve the LR volume, score PSNR/SSIM in the brain.", nodes(), CONNECTIONS, CONFIG_ID);
    }
}
