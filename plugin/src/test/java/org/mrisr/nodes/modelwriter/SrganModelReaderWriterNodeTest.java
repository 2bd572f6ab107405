package org.mrisr.nodes.modelwriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.connections.RelativeTo;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.io.HostileZips;
import org.mrisr.engine.volume.Volume;
import org.mrisr.knimeshim.ShimWorkflowContext;
import org.mrisr.knimeshim.fs.ShimConnector;
import org.mrisr.nodes.modelreader.SrganModelReaderNodeFactory;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.port.SrganModelPortObjectSpec;
import org.mrisr.nodes.testing.FsNodes;
import org.mrisr.nodes.testing.LegacySettings;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.SrganFixtures;

/** Model port → file → model port, on the local disk and a connected file system, and the refusals on the way. */
class SrganModelReaderWriterNodeTest {
    private static final PredictOptions O = new PredictOptions(8, 2, Blending.GAUSSIAN);

    private static NodeModel writer(final Path file, final FileOverwritePolicy policy) throws InvalidSettingsException {
        NodeModel m = ShimNodeCreation.createNodeModel(new SrganModelWriterNodeFactory());
        NodeTestKit.configureSettings(m, FsNodes.local("output", file.toString()).andThen(FsNodes.ifExists("output", policy)));
        return m;
    }

    private static NodeModel reader(final Path file) throws InvalidSettingsException {
        NodeModel m = ShimNodeCreation.createNodeModel(new SrganModelReaderNodeFactory());
        NodeTestKit.configureSettings(m, FsNodes.local("input", file.toString()));
        return m;
    }

    @Test
    void writeThenReadGivesTheSameModelAndNeverOverwritesSilently(@TempDir final Path dir) throws Exception {
        SrModel model = SrganFixtures.smallModel(11);
        SrganModelPortObject po = new SrganModelPortObject(model);
        Path file = dir.resolve("sub/model.mrisr");
        SrganFixtures.execute(writer(file, FileOverwritePolicy.FAIL), po);
        assertTrue(Files.size(file) > 0);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }

        NodeModel r = reader(file);
        PortObjectSpec[] spec = ShimHeadless.configure(r);
        assertEquals(po.getSpec(), spec[0], "the spec is known before execution");
        PortObject[] out = ShimHeadless.execute(r, ShimHeadless.executionContext());
        SrModel back = ((SrganModelPortObject)out[0]).model();
        Volume lr = NodeTestKit.ch2betCrop(16);
        assertArrayEquals(model.predict(lr, O).data(), back.predict(lr, O).data());
        // the CLI reads the same file
        assertArrayEquals(model.predict(lr, O).data(), SrModel.load(file).predict(lr, O).data());

        long before = Files.getLastModifiedTime(file).toMillis();
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> SrganFixtures.execute(writer(file, FileOverwritePolicy.FAIL), po));
        assertEquals("File " + file + " already exists (If exists: fail): choose 'overwrite' (replace it) or 'ignore' "
            + "(keep it) under 'If exists' in the node dialog, or write to another place", e.getMessage());
        NodeModel ignore = writer(file, FileOverwritePolicy.IGNORE);
        SrganFixtures.execute(ignore, new SrganModelPortObject(SrganFixtures.smallModel(12)));
        assertEquals("File " + file + " exists and was kept (If exists: ignore)", ShimHeadless.warningMessage(ignore));
        assertEquals(before, Files.getLastModifiedTime(file).toMillis());

        SrModel other = SrganFixtures.smallModel(12);
        SrganFixtures.execute(writer(file, FileOverwritePolicy.OVERWRITE), new SrganModelPortObject(other));
        assertArrayEquals(other.predict(lr, O).data(), SrModel.load(file).predict(lr, O).data());
    }

    @Test
    void theModelTravelsThroughAConnectedFileSystem(@TempDir final Path dir) throws Exception {
        SrModel model = SrganFixtures.smallModel(13);
        SrganModelPortObject po = new SrganModelPortObject(model);
        Path zipFile = dir.resolve("models.zip");
        Volume lr = NodeTestKit.ch2betCrop(16);
        try (ShimConnector zip = ShimConnector.zip(zipFile)) {
            String fs = zip.spec().getFSLocationSpec().getFileSystemSpecifier().orElseThrow();
            NodeModel w = FsNodes.withConnection(new SrganModelWriterNodeFactory());
            NodeTestKit.configureSettings(w, FsNodes.connected("output", fs, "/x2/model.mrisr"));
            ShimHeadless.configure(w, zip.spec(), po.getSpec());
            ShimHeadless.execute(w, ShimHeadless.executionContext(), zip.portObject(), po);

            NodeModel r = FsNodes.withConnection(new SrganModelReaderNodeFactory());
            NodeTestKit.configureSettings(r, FsNodes.connected("input", fs, "/x2/model.mrisr"));
            assertNull(ShimHeadless.configure(r, zip.configuredSpec())[0], "no spec before the connector has executed");
            assertEquals(po.getSpec(), ShimHeadless.configure(r, zip.spec())[0]);
            SrModel back = ((SrganModelPortObject)ShimHeadless.execute(r, ShimHeadless.executionContext(),
                zip.portObject())[0]).model();
            assertArrayEquals(model.predict(lr, O).data(), back.predict(lr, O).data());
        }
        try (FileSystem written = FileSystems.newFileSystem(zipFile)) {
            assertArrayEquals(model.predict(lr, O).data(),
                SrModel.read(Files.newInputStream(written.getPath("/x2/model.mrisr")), "zip").predict(lr, O).data());
        }
    }

    @Test
    void readerExplainsMissingAndForeignFiles(@TempDir final Path dir) throws Exception {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> ShimHeadless.configure(reader(dir.resolve("nope.mrisr"))));
        assertTrue(e.getMessage().contains("nope.mrisr") && e.getMessage().contains("does not exist"), e.getMessage());
        Path text = Files.writeString(dir.resolve("notes.mrisr"), "not a zip");
        e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.configure(reader(text)));
        assertTrue(e.getMessage().contains("notes.mrisr: not an mrisr model (not a zip file, or empty)"), e.getMessage());
        NodeModel unset = ShimNodeCreation.createNodeModel(new SrganModelReaderNodeFactory());
        e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.configure(unset));
        assertEquals("Please specify a file", e.getMessage());
        NodeModel w = ShimNodeCreation.createNodeModel(new SrganModelWriterNodeFactory());
        e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.configure(w, new SrganModelPortObjectSpec()));
        assertEquals("Please specify a file", e.getMessage());
    }

    @Test
    void settingsOfVersion01KeepTheirFilesAndPolicy() throws Exception {
        NodeModel r = ShimNodeCreation.createNodeModel(new SrganModelReaderNodeFactory());
        ShimHeadless.loadSettings(r, LegacySettings.model("model-reader.xml"));
        assertEquals(new FSLocation(FSCategory.RELATIVE, RelativeTo.MOUNTPOINT.getSettingsValue(), "models/x2.mrisr"),
            FsNodes.location(r, "input"));
        NodeModel w = ShimNodeCreation.createNodeModel(new SrganModelWriterNodeFactory());
        NodeSettings old = LegacySettings.model("model-writer.xml");
        ShimHeadless.validateSettings(w, old);
        ShimHeadless.loadSettings(w, old);
        assertEquals(new FSLocation(FSCategory.LOCAL, "/home/user/models/x2.mrisr"), FsNodes.location(w, "output"));
        assertEquals("fail", ShimHeadless.saveSettings(w).getNodeSettings("output").getString("if_path_exists"),
            "overwrite was off");
    }

    @Test
    void settingsOfVersion01WriteAndReadTheModelAndTheDefaultPolicyKeepsAnExistingFile(@TempDir final Path dir)
        throws Exception {
        Path mount = dir.resolve("mount");
        Path workflow = Files.createDirectories(mount.resolve("flow"));
        Path file = mount.resolve("models/x2.mrisr");
        SrModel model = SrganFixtures.smallModel(14);
        SrganModelPortObject po = new SrganModelPortObject(model);
        NodeSettings old = LegacySettings.model("model-writer.xml");
        old.addString("file", file.toString());
        NodeModel w = ShimNodeCreation.createNodeModel(new SrganModelWriterNodeFactory());
        ShimHeadless.validateSettings(w, old);
        ShimHeadless.loadSettings(w, old);
        SrganFixtures.execute(w, po);
        // the reader's 0.1 setting is knime://knime.mountpoint/models/x2.mrisr: the file just written
        NodeModel r = ShimNodeCreation.createNodeModel(new SrganModelReaderNodeFactory());
        ShimHeadless.validateSettings(r, LegacySettings.model("model-reader.xml"));
        ShimHeadless.loadSettings(r, LegacySettings.model("model-reader.xml"));
        SrModel back;
        try (var ctx = ShimWorkflowContext.set(workflow, mount)) {
            back = ((SrganModelPortObject)SrganFixtures.execute(r)[0]).model();
        }
        Volume lr = NodeTestKit.ch2betCrop(16);
        assertArrayEquals(model.predict(lr, O).data(), back.predict(lr, O).data());
        // overwrite was off in 0.1, and fail is a new writer's default: the file is kept, the message names it
        byte[] before = Files.readAllBytes(file);
        NodeModel dflt = ShimNodeCreation.createNodeModel(new SrganModelWriterNodeFactory());
        NodeTestKit.configureSettings(dflt, FsNodes.local("output", file.toString()));
        for (NodeModel again : new NodeModel[] {w, dflt}) {
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> SrganFixtures.execute(again, new SrganModelPortObject(SrganFixtures.smallModel(15))));
            assertTrue(e.getMessage().startsWith("File " + file + " already exists (If exists: fail)"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
        }
    }

    @Test
    void aHostileModelFileIsRefusedNamingTheFileAndTheField(@TempDir final Path dir) throws Exception {
        Path valid = dir.resolve("valid.mrisr");
        SrganFixtures.smallModel(16).save(valid);
        // 5000 filters: a generator of about 10^10 values, refused from the header before anything is allocated
        Path hostile = HostileZips.withEditedHeader(valid, dir.resolve("shared.mrisr"),
            h -> h.getAsJsonObject("generator").addProperty("filters", 5000));
        long t0 = System.nanoTime();
        NodeModel r = reader(hostile);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> ShimHeadless.configure(r));
        assertTrue(e.getMessage().contains(hostile.toString()) && e.getMessage().contains("generator.filters"),
            e.getMessage());
        Exception run = assertThrows(Exception.class, () -> ShimHeadless.execute(r, ShimHeadless.executionContext()));
        assertTrue(run.getMessage().contains(hostile.toString()) && run.getMessage().contains("generator.filters"),
            run.getMessage());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "refused within 5 s");
    }
}
