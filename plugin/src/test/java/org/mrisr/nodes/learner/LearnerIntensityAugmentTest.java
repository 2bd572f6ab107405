package org.mrisr.nodes.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.ShimHeadless;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.SrganFixtures;

import com.google.gson.JsonObject;

/** The SRGAN Learner's intensity augmentation option. */
class LearnerIntensityAugmentTest {
    private static BufferedDataTable patches;

    @BeforeAll
    static void extract() throws Exception {
        patches = SrganFixtures.patches(48, 3);
    }

    @Test
    void settingsSavedBeforeTheOptionLoadWithItOff() throws Exception {
        SrganLearnerNodeModel m = SrganLearnerNodeTest.learner(1);
        NodeTestKit.configureSettings(m, s -> s.addBoolean("intensity_augment", true));
        NodeSettings saved = ShimHeadless.saveSettings(m);
        assertTrue(saved.getBoolean("intensity_augment"));
        ShimHeadless.loadSettings(m, NodeTestKit.withoutKey(saved, "intensity_augment"));
        assertFalse(ShimHeadless.saveSettings(m).getBoolean("intensity_augment"));
    }

    @Test
    void onItRecordsScaleAndNoiseOnly() throws Exception {
        SrganLearnerNodeModel m = SrganLearnerNodeTest.learner(1);
        NodeTestKit.configureSettings(m, s -> s.addBoolean("intensity_augment", true));
        SrganModelPortObject model = (SrganModelPortObject)SrganFixtures.execute(m, patches, null, null)[0];
        JsonObject a = model.model().info().training().getAsJsonObject("intensity_augment");
        assertEquals(0.1, a.get("scale").getAsDouble());
        assertEquals(0.02, a.get("noise").getAsDouble());
        assertEquals(0.0, a.get("gamma").getAsDouble());
        assertEquals(0.0, a.get("bias").getAsDouble());
        SrganModelPortObject off = (SrganModelPortObject)SrganFixtures.execute(SrganLearnerNodeTest.learner(1), patches,
            null, null)[0];
        assertFalse(off.model().info().training().has("intensity_augment"));
    }
}
