package org.mrisr.nodes.testflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.mrisr.engine.volume.Volume;
import org.mrisr.knimeshim.ShimWorkflowContext;
import org.mrisr.nodes.testing.NodeTestKit;

/** Runs a testflow's NIfTI Reader with its shipped settings, as KNIME would inside that workflow. */
final class ShippedData {
    private ShippedData() {
    }

    /**
     * The Reader's output: its knime://knime.workflow URL resolves against {@code flow}, as in KNIME.
     * Checks that the shipped file is the centre 40³ of the installed template, voxels and affine.
     */
    static BufferedDataTable read(final Path flow, final NodeModel reader) throws Exception {
        BufferedDataTable read;
        try (var ctx = ShimWorkflowContext.set(flow, flow.getParent())) {
            read = NodeTestKit.run(reader, (BufferedDataTable)null)[0];
        }
        Volume crop = NodeTestKit.ch2betCrop(40);
        Volume shipped = NodeTestKit.volume(NodeTestKit.rows(read).get(0), 0);
        assertArrayEquals(crop.data(), shipped.data(), "testflows/data holds the centre 40^3 of ch2bet");
        assertEquals(0.0, crop.affine().maxAbsDifference(shipped.affine()), 1e-6);
        return read;
    }
}
