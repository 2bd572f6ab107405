package org.mrisr.nodes.testflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.mrisr.nodes.reader.NiftiReaderNodeFactory;
import org.mrisr.nodes.reader.ReaderLocations;
import org.mrisr.nodes.testflow.DemoTestflow.FlowNode;
import org.mrisr.nodes.thickslice.ThickSliceNodeFactory;

/**
 * The thick-slice testflow {@code testflows/mrisr-thick-slice}: NIfTI Reader (#1, the 1 x 1 x 4 mm
 * crop shipped in the workflow's own data folder) → Thick-Slice SR (#2, 30 training steps: a smoke
 * test of the node, not a useful model), plus a Testflow Configuration (#3). Written like
 * {@link DemoTestflow}; run {@link #main} from the repository root after settings change;
 * {@code ThickSliceTestflowTest} fails until the files are regenerated.
 */
public final class ThickSliceTestflow {
    static final String NAME = "mrisr-thick-slice";
    static final int CONFIG_ID = 3;
    /** The workflow's own copy of its data (see data/make-data.sh in the workflow folder). */
    static final String DATA = "knime://knime.workflow/data/ch2bet-crop48-z4.nii.gz";

    static final int[][] CONNECTIONS = {{1, 0, 2, 0}};

    static List<FlowNode> nodes() {
        return List.of(
            new FlowNode(1, "NIfTI Reader", new NiftiReaderNodeFactory(), ReaderLocations.readFrom(DATA), 60, 120),
            new FlowNode(2, "Thick-Slice SR (self-supervised)", new ThickSliceNodeFactory(), s -> {
                s.addString("volume_column", "Volume");
                s.addInt("steps", 30);
            }, 220, 120));
    }

    private ThickSliceTestflow() {
    }

    /** Writes testflows/mrisr-thick-slice under the given repository root (default: the working directory). */
    public static void main(final String[] args) throws Exception {
        write(Path.of(args.length > 0 ? args[0] : ".").resolve("testflows").resolve(NAME));
    }

    static void write(final Path dir) throws IOException, InvalidSettingsException {
        DemoTestflow.writeFlow(dir, "mrisr thick-slice: read a 1 x 1 x 4 mm crop of ch2bet shipped in this workflow's data "
            + "folder and refine it to 1 mm with the self-supervised Thick-Slice SR node (30 training steps: a smoke test).",
            nodes(), CONNECTIONS, CONFIG_ID);
    }
}
