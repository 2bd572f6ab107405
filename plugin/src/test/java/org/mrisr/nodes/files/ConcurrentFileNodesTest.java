package org.mrisr.nodes.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.patch.Blending;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.modelreader.SrganModelReaderNodeFactory;
import org.mrisr.nodes.modelwriter.SrganModelWriterNodeFactory;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.reader.NiftiReaderNodeFactory;
import org.mrisr.nodes.testing.FsNodes;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.testing.SrganFixtures;
import org.mrisr.nodes.writer.NiftiWriterNodeFactory;

/**
 * KNIME runs copies of a node at the same time (parallel branches, chunk loops on an executor). Two copies of each
 * file node, started together on the same inputs (the same files, the same targets), give what one copy gives alone.
 */
class ConcurrentFileNodesTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final PredictOptions O = new PredictOptions(8, 2, Blending.GAUSSIAN);

    @TempDir
    Path tmp;

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    /** Both results of running the two jobs at the same moment on two threads. */
    private static <T> List<T> together(final Callable<T> a, final Callable<T> b) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> job : List.of(a, b)) {
            futures.add(POOL.submit(() -> {
                start.await();
                return job.call();
            }));
        }
        start.countDown();
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get(120, TimeUnit.SECONDS));
        }
        return out;
    }

    /** A table's content to compare: row keys, and cells (volumes by their voxels and affine). */
    private static List<String> content(final BufferedDataTable t) {
        List<String> out = new ArrayList<>();
        for (DataRow r : t) {
            StringBuilder b = new StringBuilder(r.getKey().getString());
            for (DataCell c : r) {
                if (c instanceof VolumeValue v) {
                    Volume vol = v.getVolume();
                    b.append(" | ").append(Arrays.hashCode(vol.data())).append(' ').append(vol.affine());
                } else {
                    b.append(" | ").append(c);
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private NodeModel reader(final Path folder) throws Exception {
        NodeModel m = ShimNodeCreation.createNodeModel(new NiftiReaderNodeFactory());
        NodeTestKit.configureSettings(m, FsNodes.local("input", folder.toString())
            .andThen(FsNodes.mode("input", FilterMode.FILES_IN_FOLDERS, false)));
        return m;
    }

    @Test
    void twoReadersOfTheSameFolder() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("scans"));
        for (int n : new int[] {16, 20, 24}) {
            NiftiWriter.write(NodeTestKit.ch2betCrop(n), folder.resolve("crop" + n + ".nii.gz"));
        }
        List<String> serial = content(NodeTestKit.run(reader(folder), (BufferedDataTable)null)[0]);
        assertEquals(3, serial.size());
        NodeModel one = reader(folder);
        NodeModel two = reader(folder);
        List<List<String>> both = together(() -> content(NodeTestKit.run(one, (BufferedDataTable)null)[0]),
            () -> content(NodeTestKit.run(two, (BufferedDataTable)null)[0]));
        assertEquals(serial, both.get(0));
        assertEquals(serial, both.get(1));
    }

    @Test
    void twoWritersOfTheSameTableIntoTheSameFolder() throws Exception {
        DataTableSpec spec = NodeTestKit.spec("Volume", VolumeCell.TYPE, "Subject", StringCell.TYPE);
        BufferedDataTable in = NodeTestKit.table(spec,
            NodeTestKit.row("r1", NodeTestKit.cell(NodeTestKit.ch2betCrop(24)), new StringCell("s01")),
            NodeTestKit.row("r2", NodeTestKit.cell(NodeTestKit.ch2betCrop(20)), new StringCell("s02")),
            NodeTestKit.row("r3", NodeTestKit.cell(NodeTestKit.ch2betCrop(16)), new StringCell("s03")));
        Path folder = tmp.resolve("out");
        NodeModel first = writer(folder);
        List<String> serial = content(NodeTestKit.run(first, in)[0]);
        List<byte[]> serialBytes = files(folder);
        List<List<String>> both = together(() -> content(NodeTestKit.run(writer(folder), in)[0]),
            () -> content(NodeTestKit.run(writer(folder), in)[0]));
        assertEquals(serial, both.get(0));
        assertEquals(serial, both.get(1));
        List<byte[]> after = files(folder);
        assertEquals(serialBytes.size(), after.size(), "the same files, no temporary ones left");
        for (int i = 0; i < after.size(); i++) {
            assertArrayEquals(serialBytes.get(i), after.get(i), "file " + i + " is whole and the same");
        }
    }

    private static NodeModel writer(final Path folder) throws Exception {
        NodeModel m = ShimNodeCreation.createNodeModel(new NiftiWriterNodeFactory());
        NodeTestKit.configureSettings(m, FsNodes.local("output", folder.toString())
            .andThen(FsNodes.ifExists("output", FileOverwritePolicy.OVERWRITE))
            .andThen(s -> s.addString("file_name_pattern", "{Subject}")));
        return m;
    }

    /** The folder's files, sorted by name. */
    private static List<byte[]> files(final Path folder) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void twoModelWritersOfTheSameModelToOneFileAndTwoReadersOfIt() throws Exception {
        SrModel model = SrganFixtures.smallModel(21);
        SrganModelPortObject port = new SrganModelPortObject(model);
        Path file = tmp.resolve("models/x2.mrisr");
        together(() -> SrganFixtures.execute(modelWriter(file), port), () -> SrganFixtures.execute(modelWriter(file), port));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "one whole file, no temporary ones left");
        }
        Volume lr = NodeTestKit.ch2betCrop(16);
        float[] serial = model.predict(lr, O).data();
        List<float[]> both = together(() -> readModel(file).predict(lr, O).data(),
            () -> readModel(file).predict(lr, O).data());
        assertArrayEquals(serial, both.get(0));
        assertArrayEquals(serial, both.get(1));
    }

    private static NodeModel modelWriter(final Path file) throws Exception {
        NodeModel m = ShimNodeCreation.createNodeModel(new SrganModelWriterNodeFactory());
        NodeTestKit.configureSettings(m, FsNodes.local("output", file.toString())
            .andThen(FsNodes.ifExists("output", FileOverwritePolicy.OVERWRITE)));
        return m;
    }

    private static SrModel readModel(final Path file) throws Exception {
        NodeModel m = ShimNodeCreation.createNodeModel(new SrganModelReaderNodeFactory());
        NodeTestKit.configureSettings(m, FsNodes.local("input", file.toString()));
        ShimHeadless.configure(m);
        return ((SrganModelPortObject)ShimHeadless.execute(m, ShimHeadless.executionContext())[0]).model();
    }
}
