package org.mrisr.nodes.predictor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.BufferedDataTable;
import org.mrisr.cli.Main;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.ops.Normalizer;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.SrganFixtures;

/**
 * A model trained with a normalisation other than the paper's half-max (robust-max) and a cubic-spline
 * residual predicts the same voxels through every door users take: the engine's {@code SrModel.predict},
 * {@code ./mrisr predict} and the SR Predictor node.
 */
class OnePredictionDoorTest {

    private static int cli(final String... argv) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(argv, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8));
        assertEquals(0, code, e.toString(StandardCharsets.UTF_8));
        return code;
    }

    @Test
    void engineCliAndNodeGiveIdenticalVoxelsForARobustMaxCubicResidualModel(@TempDir final Path dir) throws Exception {
        Volume hr = NodeTestKit.ch2betCrop(32);
        // a few bright outliers: half-max (the volume maximum) and robust-max (99.5th percentile) now differ a lot
        float[] d = hr.data().clone();
        for (int i = 0; i < 6; i++) {
            d[d.length / 2 + 97 * i] = 5000f;
        }
        hr = hr.withData(d);
        Path hrFile = dir.resolve("hr.nii.gz");
        NiftiWriter.write(hr, hrFile);
        Path model = dir.resolve("robust.zip");
        cli("train", "--hr", hrFile.toString(), "--factor", "2", "--upsampling", "subpixel", "--normalisation",
            "robust-max", "--residual", "cubic", "--patch", "32,32,32", "--batch", "1", "--steps", "3", "--lr-g", "1e-3",
            "--seed", "11", "--out", model.toString());

        SrModel loaded = SrModel.load(model);
        assertEquals(Normalizer.ROBUST_MAX, loaded.info().normalisation().method());
        assertTrue(loaded.info().cubicResidual());

        Volume lr = Degrader.of(2).apply(hr);
        Path lrFile = dir.resolve("lr.nii.gz");
        NiftiWriter.write(lr, lrFile);
        PredictOptions options = new PredictOptions(12, 4, Blending.CONSTANT);
        float[] engine = loaded.predict(lr, options).data();

        Path out = dir.resolve("sr.nii.gz");
        cli("predict", "--model", model.toString(), "--in", lrFile.toString(), "--out", out.toString(), "--window", "12",
            "--overlap", "4", "--blending", "constant");
        assertArrayEquals(engine, NiftiReader.read(out).data(), "./mrisr predict");

        BufferedDataTable in = NodeTestKit.table(SrganFixtures.VOLUMES,
            NodeTestKit.row("r", NodeTestKit.cell(hr), NodeTestKit.cell(lr)));
        BufferedDataTable t = (BufferedDataTable)SrganFixtures.execute(SrPredictorNodeTest.predictor(),
            new SrganModelPortObject(SrModel.load(model)), in)[0];
        assertArrayEquals(engine, NodeTestKit.volume(NodeTestKit.rows(t).get(0), 2).data(), "SR Predictor node");

        // the recorded normalisation is what made these voxels: the same network under half-max differs
        SrModel halfMax = new SrModel(loaded.generator(), new org.mrisr.engine.srgan.io.ModelInfo(null,
            loaded.info().training(), loaded.info().seed(), null, Double.NaN, null, loaded.info().residualOver()));
        float[] other = halfMax.predict(lr, options).data();
        double maxDiff = 0;
        for (int i = 0; i < other.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(other[i] - engine[i]));
        }
        assertTrue(maxDiff > 1, "half-max would give other voxels (max difference " + maxDiff + ")");
    }
}
