package org.mrisr.nodes.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortUtil;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.ShippedModels;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.SrganFixtures;

/** The model port object and spec saved and loaded through their serializers, as KNIME stores them. */
class SrganModelPortTest {
    static byte[] save(final SrganModelPortObject po) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            new SrganModelPortObject.Serializer().savePortObject(po, out, new ExecutionMonitor());
        }
        return bytes.toByteArray();
    }

    static SrganModelPortObject load(final byte[] b, final SrganModelPortObjectSpec spec) throws Exception {
        try (PortObjectZipInputStream in = PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(b))) {
            return new SrganModelPortObject.Serializer().loadPortObject(in, spec, new ExecutionMonitor());
        }
    }

    @Test
    void portObjectRoundTripGivesIdenticalPredictionsAndRecord() throws Exception {
        SrModel model = SrganFixtures.smallModel(5);
        SrganModelPortObject po = new SrganModelPortObject(model);
        SrganModelPortObject back = load(save(po), po.getSpec());
        Volume lr = NodeTestKit.ch2betCrop(20);
        PredictOptions o = new PredictOptions(12, 4, Blending.GAUSSIAN);
        float[] a = model.predict(lr, o).data();
        assertArrayEquals(a, back.model().predict(lr, o).data());
        assertEquals(po.getSpec(), back.getSpec());
        assertEquals(model.info().training().toString(), back.model().info().training().toString());
        assertArrayEquals(model.info().lrVoxelSize(), back.model().info().lrVoxelSize());
        // a different model predicts differently, so the equality above is not trivial
        assertNotEquals(a[a.length / 2], SrganFixtures.smallModel(6).predict(lr, o).data()[a.length / 2]);
        assertTrue(po.getSummary().contains("x2 (subpixel)"), po.getSummary());
        assertEquals(1, po.getViews().length);
    }

    @Test
    void loadRefusesAStreamWithoutTheModelEntry() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            // a stream whose model entry was renamed: what another port type would hold
            SrganModelPortObject po = new SrganModelPortObject(SrganFixtures.smallModel(1));
            new SrganModelPortObject.Serializer().savePortObject(po, out, new ExecutionMonitor());
        }
        byte[] good = bytes.toByteArray();
        byte[] bad = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1)
            .replace(SrganModelPortObject.ENTRY, "x".repeat(SrganModelPortObject.ENTRY.length()))
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        IOException e = assertThrows(IOException.class, () -> load(bad, null));
        assertTrue(e.getMessage().contains("expected entry " + SrganModelPortObject.ENTRY), e.getMessage());
    }

    @Test
    void specRoundTripKeepsEveryField() throws Exception {
        SrganModelPortObjectSpec spec = new SrganModelPortObjectSpec(4, UpsamplingMethod.RESIZE_CONV,
            SrganModelPortObjectSpec.NORMALISATION, "10/20 steps, final MSE 0.01 (stopped early)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = PortUtil.getPortObjectSpecZipOutputStream(bytes)) {
            new SrganModelPortObjectSpec.Serializer().savePortObjectSpec(spec, out);
        }
        SrganModelPortObjectSpec back;
        try (PortObjectSpecZipInputStream in = PortUtil.getPortObjectSpecZipInputStream(
            new ByteArrayInputStream(bytes.toByteArray()))) {
            back = new SrganModelPortObjectSpec.Serializer().loadPortObjectSpec(in);
        }
        assertEquals(spec, back);
        assertEquals(4, back.factor());
        assertEquals(UpsamplingMethod.RESIZE_CONV, back.upsampling());
        assertEquals(SrganModelPortObjectSpec.NORMALISATION, back.normalisation());
        assertEquals("10/20 steps, final MSE 0.01 (stopped early)", back.summary());
        assertNotEquals(spec, new SrganModelPortObjectSpec(2, UpsamplingMethod.RESIZE_CONV,
            SrganModelPortObjectSpec.NORMALISATION, back.summary()));
        assertEquals(1, spec.getViews().length);
    }

    @Test
    void specOfATrainedModelSummarisesItsTrainingRecord() {
        SrganModelPortObjectSpec s = SrganModelPortObjectSpec.of(SrganFixtures.smallModel(1));
        assertEquals(2, s.factor());
        assertEquals(UpsamplingMethod.SUBPIXEL, s.upsampling());
        assertEquals("3/3 steps, final MSE 0.2500", s.summary());
    }

    @Test
    void defaultModelsSayWhatToDoWhenNoneIsShipped() {
        // no model ships in this build (the quality issue provides them): the message tells the user what to do
        if (!DefaultModels.available(8)) {
            assertEquals("no default model shipped for x8; connect an SRGAN model (SRGAN Learner or SRGAN Model Reader)"
                + " to the model port", DefaultModels.missing(8).getMessage());
            assertThrows(org.knime.core.node.InvalidSettingsException.class, () -> DefaultModels.load(8));
        }
        assertTrue(ShippedModels.resource(2).equals("/models/srgan-x2.zip"));
    }
}
