package org.mrisr.nodes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.ShimNodeCreation;
import org.mrisr.nodes.degrade.DegradeNodeFactory;
import org.mrisr.nodes.interpolate.InterpolateNodeFactory;
import org.mrisr.nodes.modelreader.SrganModelReaderNodeFactory;
import org.mrisr.nodes.modelwriter.SrganModelWriterNodeFactory;
import org.mrisr.nodes.patches.PatchExtractorNodeFactory;
import org.mrisr.nodes.predictor.SrPredictorNodeFactory;
import org.mrisr.nodes.reader.NiftiReaderNodeFactory;
import org.mrisr.nodes.scorer.ScorerNodeFactory;
import org.mrisr.nodes.view.VolumeTableSource;
import org.mrisr.nodes.writer.NiftiWriterNodeFactory;

/**
 * KNIME may execute copies of a node at the same time (parallel branches, chunk loops) and shows views
 * on another thread: a volume node keeps nothing of one execution in its fields but the view's table,
 * which is volatile. Every other field is final (settings, collaborators); static fields are constants.
 */
class NodeStateTest {
    static Stream<NodeFactory<?>> volumeNodes() {
        return Stream.of(new NiftiReaderNodeFactory(), new NiftiWriterNodeFactory(), new DegradeNodeFactory(),
            new InterpolateNodeFactory(), new SrPredictorNodeFactory(), new PatchExtractorNodeFactory(),
            new ScorerNodeFactory(), new SrganModelReaderNodeFactory(), new SrganModelWriterNodeFactory());
    }

    @ParameterizedTest
    @MethodSource("volumeNodes")
    void nothingOfAnExecutionIsKeptInFields(final NodeFactory<?> factory) {
        NodeModel model = ShimNodeCreation.createNodeModel(factory);
        int volatileFields = 0;
        for (Class<?> c = model.getClass(); c != NodeModel.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                String where = c.getSimpleName() + "." + f.getName();
                if (Modifier.isStatic(mod)) {
                    assertTrue(Modifier.isFinal(mod), where + ": a static field must be a constant");
                } else if (Modifier.isVolatile(mod)) {
                    volatileFields++;
                    assertTrue(model instanceof VolumeTableSource, where + ": only the view's table may change");
                } else {
                    assertTrue(Modifier.isFinal(mod), where + ": execution state belongs in execute's locals");
                }
            }
        }
        assertTrue(volatileFields == (model instanceof VolumeTableSource ? 1 : 0), "one view table at most");
    }
}
