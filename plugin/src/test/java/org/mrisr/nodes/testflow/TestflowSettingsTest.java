package org.mrisr.nodes.testflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.testing.NodeTestKit;

/**
 * The shipped testflow stays loadable as our settings evolve: every node's settings.xml is read,
 * validated and loaded into our node models, and the chain is run on a 40³ crop of ch2bet (the Reader's
 * location is a workflow-relative URL to the 40³ crop in the testflow's own data folder).
 */
class TestflowSettingsTest {
    private static final ShippedFlow FLOW = new ShippedFlow(DemoTestflow.NAME, "DemoTestflow");

    @Test
    void everyNodeLoadsOurModelsOrIsKnimesTestingNode() throws Exception {
        Map<Integer, NodeSettingsRO> nodes = FLOW.nodeSettings();
        List<String> factories = new ArrayList<>();
        for (NodeSettingsRO s : nodes.values()) {
            factories.add(s.getString("factory"));
            if (s.getString("factory").startsWith("org.mrisr.")) {
                assertEquals("org.mrisr", s.getString("node-bundle-symbolic-name"));
                FLOW.model(s);
            }
        }
        assertTrue(factories.contains("org.knime.testing.node.config.TestConfigNodeFactory"), factories.toString());
        assertEquals(6, factories.size(), factories.toString());
    }

    @Test
    void theShippedFilesAreWhatTheGeneratorWrites() throws Exception {
        ShippedData.assertUpToDate(FLOW.dir(), DemoTestflow::write);
    }

    @Test
    void connectionsMatchThePortCounts() throws Exception {
        Map<Integer, NodeSettingsRO> nodes = FLOW.nodeSettings();
        NodeSettingsRO conns = FLOW.workflow().getNodeSettings("connections");
        int n = 0;
        for (String key : conns) {
            NodeSettingsRO c = conns.getNodeSettings(key);
            NodeModel src = FLOW.model(nodes.get(c.getInt("sourceID")));
            NodeModel dst = FLOW.model(nodes.get(c.getInt("destID")));
            // Port 0 is the flow-variable port in workflow.knime.
            assertTrue(c.getInt("sourcePort") >= 1 && c.getInt("sourcePort") <= ShimHeadless.outPorts(src), key);
            assertTrue(c.getInt("destPort") >= 1 && c.getInt("destPort") <= ShimHeadless.inPorts(dst), key);
            n++;
        }
        assertEquals(DemoTestflow.CONNECTIONS.length, n);
    }

    @Test
    void theChainRunsOnACropOfTheRealTemplate() throws Exception {
        Map<Integer, NodeSettingsRO> nodes = FLOW.nodeSettings();
        Volume crop = NodeTestKit.ch2betCrop(40);
        BufferedDataTable read = ShippedData.read(FLOW.dir(), FLOW.model(nodes.get(1)));
        BufferedDataTable degraded = NodeTestKit.run(FLOW.model(nodes.get(2)), read)[0];
        BufferedDataTable interpolated = NodeTestKit.run(FLOW.model(nodes.get(3)), degraded)[0];
        BufferedDataTable[] scored = NodeTestKit.run(FLOW.model(nodes.get(4)), interpolated);
        BufferedDataTable patches = NodeTestKit.run(FLOW.model(nodes.get(6)), degraded)[0];
        assertTrue(patches.size() > 0, "patch pairs from the 40^3 crop");
        DataRow pair = NodeTestKit.rows(patches).get(0);
        assertArrayEquals(new int[] {32, 32, 32}, NodeTestKit.volume(pair, 0).shape());
        assertArrayEquals(new int[] {16, 16, 16}, NodeTestKit.volume(pair, 1).shape());

        DataRow row = NodeTestKit.rows(interpolated).get(0);
        int lr = interpolated.getDataTableSpec().findColumnIndex("LR volume");
        int up = interpolated.getDataTableSpec().findColumnIndex("Interpolated volume");
        assertArrayEquals(new int[] {20, 20, 20}, NodeTestKit.volume(row, lr).shape());
        assertArrayEquals(crop.shape(), NodeTestKit.volume(row, up).shape());
        DataRow psnr = NodeTestKit.rows(scored[1]).get(0);
        assertEquals("PSNR", psnr.getKey().getString());
        assertEquals(1, ((IntValue)psnr.getCell(0)).getIntValue());
        double mean = ((DoubleValue)psnr.getCell(1)).getDoubleValue();
        assertTrue(mean > 5 && mean < 60, "PSNR " + mean);
    }
}
