package org.mrisr.nodes.modelwriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.modelreader.SrganModelReaderNodeFactory;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.port.SrganModelPortObjectSpec;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.SrganFixtures;

/** Model port → file → model port, and the refusals on the way. */
class SrganModelReaderWriterNodeTest {
    private static NodeModel writer(final Path file, final boolean overwrite) throws InvalidSettingsException {
        NodeModel m = new SrganModelWriterNodeFactory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> {
            s.addString("file", file.toString());
            s.addBoolean("overwrite", overwrite);
        });
        return m;
    }

    private static NodeModel reader(final Path file) throws InvalidSettingsException {
        NodeModel m = new SrganModelReaderNodeFactory().createNodeModel();
        NodeTestKit.configureSettings(m, s -> s.addString("file", file.toString()));
        return m;
    }

    @Test
    void writeThenReadGivesTheSameModelAndNeverOverwritesSilently(@TempDir final Path dir) throws Exception {
        SrModel model = SrganFixtures.smallModel(11);
        SrganModelPortObject po = new SrganModelPortObject(model);
        Path file = dir.resolve("sub/model.mrisr");
        SrganFixtures.execute(writer(file, false), po);
        assertTrue(Files.size(file) > 0);
        assertEquals(1, Files.list(file.getParent()).count(), "no temporary file left");

        NodeModel r = reader(file);
        PortObjectSpec[] spec = ShimHeadless.configure(r);
        assertEquals(po.getSpec(), spec[0], "the spec is known before execution");
        PortObject[] out = ShimHeadless.execute(r, ShimHeadless.executionContext());
        SrModel back = ((SrganModelPortObject)out[0]).model();
        Volume lr = NodeTestKit.ch2betCrop(16);
        PredictOptions o = new PredictOptions(8, 2, Blending.GAUSSIAN);
        assertArrayEquals(model.predict(lr, o).data(), back.predict(lr, o).data());
        // the CLI reads the same file
        assertArrayEquals(model.predict(lr, o).data(), SrModel.load(file).predict(lr, o).data());

        NodeModel again = writer(file, false);
        ShimHeadless.configure(again, po.getSpec());
        assertTrue(ShimHeadless.warningMessage(again).contains("exists"), ShimHeadless.warningMessage(again));
        long before = Files.getLastModifiedTime(file).toMillis();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimHeadless.execute(again, ShimHeadless.executionContext(), po));
        assertTrue(e.getMessage().contains("already exists: tick 'Overwrite existing file'"), e.getMessage());
        assertEquals(before, Files.getLastModifiedTime(file).toMillis());

        SrModel other = SrganFixtures.smallModel(12);
        SrganFixtures.execute(writer(file, true), new SrganModelPortObject(other));
        assertArrayEquals(other.predict(lr, o).data(), SrModel.load(file).predict(lr, o).data());
    }

    @Test
    void readerExplainsMissingAndForeignFiles(@TempDir final Path dir) throws Exception {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimHeadless.configure(reader(dir.resolve("nope.mrisr"))));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Path text = Files.writeString(dir.resolve("notes.mrisr"), "not a zip");
        e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.configure(reader(text)));
        assertTrue(e.getMessage().contains("notes.mrisr: not an mrisr model (not a zip file, or empty)"), e.getMessage());
        NodeModel unset = new SrganModelReaderNodeFactory().createNodeModel();
        e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.configure(unset));
        assertTrue(e.getMessage().startsWith("No model file given"), e.getMessage());
        NodeModel w = new SrganModelWriterNodeFactory().createNodeModel();
        e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.configure(w,
            new SrganModelPortObjectSpec()));
        assertTrue(e.getMessage().startsWith("No output file given"), e.getMessage());
    }
}
