package org.mrisr.nodes.testflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.ShimHeadless;
import org.mrisr.engine.thick.SliceProfile;
import org.mrisr.engine.volume.Volume;
import org.mrisr.knimeshim.ShimWorkflowContext;
import org.mrisr.nodes.testing.NodeTestKit;

/**
 * The shipped thick-slice testflow stays loadable and runnable: settings load into our models (and equal what
 * they save now), the connection fits the ports, the Reader finds the workflow's own data through
 * knime://knime.workflow/data/..., that data is the engine's 1 x 1 x 4 mm simulation of the installed template's
 * centre crop, and the Thick-Slice SR node refines it to the crop's 1 mm grid with the shipped settings.
 */
class ThickSliceTestflowTest {
    private static final ShippedFlow FLOW = new ShippedFlow(ThickSliceTestflow.NAME, "ThickSliceTestflow");

    @Test
    void nodesLoadAndTheConnectionFitsThePorts() throws Exception {
        Map<Integer, NodeSettingsRO> nodes = FLOW.nodeSettings();
        assertEquals(3, nodes.size());
        assertEquals("org.knime.testing.node.config.TestConfigNodeFactory",
            nodes.get(ThickSliceTestflow.CONFIG_ID).getString("factory"));
        NodeSettingsRO c = FLOW.workflow().getNodeSettings("connections").getNodeSettings("connection_0");
        NodeModel src = FLOW.model(nodes.get(c.getInt("sourceID")));
        NodeModel dst = FLOW.model(nodes.get(c.getInt("destID")));
        assertTrue(c.getInt("sourcePort") == 1 && ShimHeadless.outPorts(src) == 1);
        assertTrue(c.getInt("destPort") == 1 && ShimHeadless.inPorts(dst) == 1);
    }

    @Test
    void theShippedScanIsRefinedOntoTheCropsFineGrid() throws Exception {
        Map<Integer, NodeSettingsRO> nodes = FLOW.nodeSettings();
        BufferedDataTable read;
        try (var ctx = ShimWorkflowContext.set(FLOW.dir(), FLOW.dir().getParent())) {
            read = NodeTestKit.run(FLOW.model(nodes.get(1)), (BufferedDataTable)null)[0];
        }
        Volume shipped = NodeTestKit.volume(NodeTestKit.rows(read).get(0), 0);
        Volume crop = NodeTestKit.ch2betCrop(48);
        Volume simulated = new SliceProfile(SliceProfile.Shape.GAUSSIAN, 4).thickSlices(crop, 2, 4);
        assertArrayEquals(simulated.data(), shipped.data(), 1e-3f, "data/make-data.sh made what the engine simulates");
        assertEquals(0, simulated.affine().maxAbsDifference(shipped.affine()), 1e-6);

        BufferedDataTable out = NodeTestKit.run(FLOW.model(nodes.get(2)), read)[0];
        DataRow row = NodeTestKit.rows(out).get(0);
        Volume iso = NodeTestKit.volume(row, out.getDataTableSpec().findColumnIndex("Isotropic volume"));
        assertArrayEquals(crop.shape(), iso.shape());
        assertEquals(0, iso.affine().maxAbsDifference(crop.affine()), 1e-6, "the 1 mm grid of the crop");
    }
}
