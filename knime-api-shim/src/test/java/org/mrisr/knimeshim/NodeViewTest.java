package org.mrisr.knimeshim;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;

import javax.swing.JLabel;

import org.junit.jupiter.api.Test;
import org.knime.core.node.NodeView;
import org.knime.core.node.ShimHeadless;
import org.mrisr.knimeshim.NodePersistenceTest.HolderModel;

/** The shim's NodeView creates its window like KNIME's, so it cannot be built in a headless JVM. */
class NodeViewTest {
    static final class LabelView extends NodeView<HolderModel> {
        final JLabel m_label = new JLabel("notes");

        int m_opened;

        LabelView(final HolderModel model) {
            super(model);
            setComponent(m_label);
        }

        @Override
        protected void modelChanged() {
            m_label.setText(getNodeModel().m_label.getStringValue());
        }

        @Override
        protected void onOpen() {
            m_opened++;
        }

        @Override
        protected void onClose() {
            m_opened--;
        }
    }

    @Test
    void headlessTheConstructorThrowsLikeKnimes() {
        // The shim's surefire configuration sets java.awt.headless=true (as KNIME's batch and server runs are).
        assumeTrue(GraphicsEnvironment.isHeadless(), "runs headless");
        assertThrows(HeadlessException.class, () -> new LabelView(new HolderModel()));
    }

    @Test
    void withADisplayTheViewShowsItsComponent() {
        assumeFalse(GraphicsEnvironment.isHeadless(), "a NodeView needs a display");
        HolderModel model = new HolderModel();
        model.m_label.setStringValue("three notes");
        LabelView view = new LabelView(model);
        assertSame(view.m_label, ShimHeadless.openView(view));
        assertTrue(view.m_opened == 1 && "three notes".equals(view.m_label.getText()));
        ShimHeadless.closeView(view);
        assertTrue(view.m_opened == 0);
    }
}
