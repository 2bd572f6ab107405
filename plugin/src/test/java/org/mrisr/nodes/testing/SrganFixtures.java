package org.mrisr.nodes.testing;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.port.PortObject;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.io.ModelInfo;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.patches.PatchExtractorNodeFactory;
import org.mrisr.nodes.port.SrganBackend;

import com.google.gson.JsonObject;

/** Small real-data inputs for the SRGAN nodes: ch2bet crops, their ×2 degradations and patch tables. */
public final class SrganFixtures {
    public static final DataTableSpec VOLUMES = NodeTestKit.spec("HR", VolumeCell.TYPE, "LR", VolumeCell.TYPE);

    private SrganFixtures() {
    }

    /** One row: the centre n³ crop of ch2bet (HR) and its paper degradation ×2 (LR). */
    public static BufferedDataTable volumes(final int n) {
        Volume hr = NodeTestKit.ch2betCrop(n);
        Volume lr = Degrader.of(2).apply(hr);
        return NodeTestKit.table(VOLUMES, NodeTestKit.row("brain", NodeTestKit.cell(hr), NodeTestKit.cell(lr)));
    }

    /** The Patch Extractor's output for {@link #volumes}(n): HR patches 32³, stride 16, at most {@code max} pairs. */
    public static BufferedDataTable patches(final int n, final int max) throws Exception {
        NodeModel m = new PatchExtractorNodeFactory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> {
            s.addString("hr_column", "HR");
            s.addString("lr_column", "LR");
            for (String a : new String[] {"x", "y", "z"}) {
                s.addInt("patch_" + a, 32);
                s.addInt("stride_" + a, 16);
            }
            s.addDouble("min_foreground_fraction", 0.3);
            s.addInt("max_patches_per_volume", max);
        });
        return NodeTestKit.run(m, volumes(n))[0];
    }

    /**
     * A small untrained generator (8 filters, 1 block, ×2 subpixel) with a model record: a real engine
     * model, fast to run, for port, predictor and reader/writer tests that need a model but not training.
     */
    public static SrModel smallModel(final long seed) {
        SrganBackend.init();
        GeneratorConfig g = new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL, 8, 1, 16, 0.25, true, 0.02, false);
        JsonObject training = new JsonObject();
        training.addProperty("completed_steps", 3);
        training.addProperty("planned_steps", 3);
        training.addProperty("final_mse", 0.25);
        return new SrModel(new Generator(g, seed), new ModelInfo(null, training, seed, new double[] {2, 2, 2}, -0.2));
    }

    /** Executes a port-object node through the shim (configure first, as KNIME does). */
    public static PortObject[] execute(final NodeModel m, final PortObject... in) throws Exception {
        List<org.knime.core.node.port.PortObjectSpec> specs = new ArrayList<>();
        for (PortObject p : in) {
            specs.add(p == null ? null : p instanceof BufferedDataTable t ? t.getDataTableSpec() : p.getSpec());
        }
        ShimHeadless.configure(m, specs.toArray(new org.knime.core.node.port.PortObjectSpec[0]));
        return ShimHeadless.execute(m, ShimHeadless.executionContext(), in);
    }
}
