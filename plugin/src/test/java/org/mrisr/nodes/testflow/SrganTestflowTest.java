package org.mrisr.nodes.testflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.core.node.port.PortObject;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.SrganFixtures;

/**
 * The shipped SRGAN testflow stays loadable and runnable: every node's settings.xml is validated and
 * loaded into our node models (and must equal what the model saves now), connections fit the port
 * counts, and Reader → Degrade → Patch Extractor → Learner (2 steps) → Predictor → Scorer runs headless
 * on the shipped 40³ crop of ch2bet, settings unchanged.
 */
class SrganTestflowTest {
    private static final ShippedFlow FLOW = new ShippedFlow(SrganTestflow.NAME, "SrganTestflow");

    @Test
    void theShippedFilesAreWhatTheGeneratorWrites() throws Exception {
        ShippedData.assertUpToDate(FLOW.dir(), SrganTestflow::write);
    }

    @Test
    void everyNodeLoadsAndConnectionsFitThePorts() throws Exception {
        Map<Integer, NodeSettingsRO> nodes = FLOW.nodeSettings();
        assertEquals(7, nodes.size());
        assertEquals("org.knime.testing.node.config.TestConfigNodeFactory",
            nodes.get(SrganTestflow.CONFIG_ID).getString("factory"));
        for (NodeSettingsRO s : nodes.values()) {
            if (s.getString("factory").startsWith("org.mrisr.")) {
                assertEquals("org.mrisr", s.getString("node-bundle-symbolic-name"));
                FLOW.model(s);
            }
        }
        NodeSettingsRO conns = FLOW.workflow().getNodeSettings("connections");
        int n = 0;
        for (String key : conns) {
            NodeSettingsRO c = conns.getNodeSettings(key);
            NodeModel src = FLOW.model(nodes.get(c.getInt("sourceID")));
            NodeModel dst = FLOW.model(nodes.get(c.getInt("destID")));
            assertTrue(c.getInt("sourcePort") >= 1 && c.getInt("sourcePort") <= ShimHeadless.outPorts(src), key);
            assertTrue(c.getInt("destPort") >= 1 && c.getInt("destPort") <= ShimHeadless.inPorts(dst), key);
            n++;
        }
        assertEquals(SrganTestflow.CONNECTIONS.length, n);
    }

    @Test
    void theChainTrainsPredictsAndScoresOnACropOfTheRealTemplate() throws Exception {
        Map<Integer, NodeSettingsRO> nodes = FLOW.nodeSettings();
        Volume crop = NodeTestKit.ch2betCrop(40);
        BufferedDataTable read = ShippedData.read(FLOW.dir(), FLOW.model(nodes.get(1)));
        BufferedDataTable degraded = NodeTestKit.run(FLOW.model(nodes.get(2)), read)[0];
        BufferedDataTable patches = NodeTestKit.run(FLOW.model(nodes.get(3)), degraded)[0];
        assertTrue(patches.size() > 0);
        PortObject[] learned = SrganFixtures.execute(FLOW.model(nodes.get(4)), patches, null, null);
        SrganModelPortObject model = (SrganModelPortObject)learned[0];
        assertEquals(2, model.model().info().training().get("completed_steps").getAsLong());
        assertEquals(2, ((BufferedDataTable)learned[1]).size());
        BufferedDataTable predicted = (BufferedDataTable)SrganFixtures.execute(FLOW.model(nodes.get(5)), model, degraded)[0];
        DataRow row = NodeTestKit.rows(predicted).get(0);
        int sr = predicted.getDataTableSpec().findColumnIndex("SR volume");
        assertArrayEquals(crop.shape(), NodeTestKit.volume(row, sr).shape());
        BufferedDataTable[] scored = NodeTestKit.run(FLOW.model(nodes.get(6)), predicted);
        DataRow psnr = NodeTestKit.rows(scored[1]).get(0);
        assertEquals("PSNR", psnr.getKey().getString());
        double mean = ((DoubleValue)psnr.getCell(1)).getDoubleValue();
        // two steps train nothing useful: the check is that a finite score comes out of the whole chain
        assertTrue(Double.isFinite(mean) && mean > 0, "PSNR " + mean);
    }
}
