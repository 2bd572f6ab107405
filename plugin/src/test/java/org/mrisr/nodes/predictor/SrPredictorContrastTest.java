package org.mrisr.nodes.predictor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.ShimHeadless;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.SrganFixtures;

/** The SR Predictor's warning for an input contrast unlike the model's training data. */
class SrPredictorContrastTest {

    private static String warning(final SrPredictorNodeModel m, final String rowKey) throws Exception {
        SrModel small = SrganFixtures.smallModel(3);
        SrModel t1 = new SrModel(small.generator(), small.info().withContrast("T1w"));
        Volume hr = NodeTestKit.ch2betCrop(16);
        BufferedDataTable in = NodeTestKit.table(SrganFixtures.VOLUMES,
            NodeTestKit.row(rowKey, NodeTestKit.cell(hr), NodeTestKit.cell(Degrader.of(2).apply(hr))));
        SrganFixtures.execute(m, new SrganModelPortObject(t1), in);
        String w = ShimHeadless.warningMessage(m);
        return w == null ? "" : w;
    }

    @Test
    void theRowKeyOrTheSettingNamesAContrastUnlikeTheModels() throws Exception {
        assertTrue(warning(SrPredictorNodeTest.predictor(), "sub-01_FLAIR").contains("sub-01_FLAIR: contrast FLAIR (from the row key) unlike "
            + "the model's training data (T1w); expect worse results than on T1w"));
        assertFalse(warning(SrPredictorNodeTest.predictor(), "sub-01_T1w").contains("(from the row key)"), "the training contrast");
        SrPredictorNodeModel set = SrPredictorNodeTest.predictor();
        NodeTestKit.configureSettings(set, s -> s.addString(SrPredictorSettings.CONTRAST_KEY, "T2w"));
        assertTrue(warning(set, "sub-01_T1w").contains("contrast T2w (set in the node) unlike the model's training data"
            + " (T1w)"));
    }

    @Test
    void settingsSavedBeforeTheOptionLoadReadingTheRowKeyAndBadValuesAreRefused() throws Exception {
        SrPredictorNodeModel m = SrPredictorNodeTest.predictor();
        NodeTestKit.configureSettings(m, s -> s.addString(SrPredictorSettings.CONTRAST_KEY, "FLAIR"));
        NodeSettings saved = ShimHeadless.saveSettings(m);
        ShimHeadless.loadSettings(m, NodeTestKit.withoutKey(saved, SrPredictorSettings.CONTRAST_KEY));
        assertEquals(SrPredictorSettings.FROM_ROW_KEY,
            ShimHeadless.saveSettings(m).getString(SrPredictorSettings.CONTRAST_KEY));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> NodeTestKit.configureSettings(m, s -> s.addString(SrPredictorSettings.CONTRAST_KEY, "DWI")));
        assertTrue(e.getMessage().startsWith("Input contrast: 'DWI' is not one of"), e.getMessage());
    }
}
