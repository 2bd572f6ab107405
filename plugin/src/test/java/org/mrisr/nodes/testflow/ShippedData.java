package org.mrisr.nodes.testflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.mrisr.engine.volume.Volume;
import org.mrisr.knimeshim.ShimWorkflowContext;
import org.mrisr.nodes.testing.NodeTestKit;

/**
 * Checks a shipped testflow: it is what its generator writes, and its NIfTI Reader, run with the shipped
 * settings as KNIME would inside that workflow, reads the shipped data.
 */
final class ShippedData {
    private ShippedData() {
    }

    /** A testflow generator's write method (DemoTestflow::write, SrganTestflow::write). */
    interface Generator {
        void write(Path dir) throws Exception;
    }

    /**
     * Fails unless the shipped workflow folder holds exactly the files its generator writes now, byte for
     * byte, and its data file (written by testflows/make-data.sh): a stale testflow (e.g. after a settings
     * default changed) is caught here.
     */
    static void assertUpToDate(final Path flow, final Generator generator) throws Exception {
        Path fresh = NodeTestKit.tmp("mrisr-testflow").resolve(flow.getFileName());
        generator.write(fresh);
        Map<String, String> written = files(fresh);
        Map<String, String> shipped = files(flow);
        assertTrue(shipped.remove(Path.of(DemoTestflow.DATA_FILE).toString()) != null,
            flow + " holds its own " + DemoTestflow.DATA_FILE + " (testflows/make-data.sh)");
        assertEquals(written.keySet(), shipped.keySet(), flow + ": files");
        for (Map.Entry<String, String> e : written.entrySet()) {
            assertEquals(e.getValue(), shipped.get(e.getKey()),
                flow.resolve(e.getKey()) + " is stale: regenerate the testflow (see testflows/README.md)");
        }
    }

    /** Relative path to content of the files under dir. */
    private static Map<String, String> files(final Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>)all.filter(Files::isRegularFile)::iterator) {
                // Text to show a readable difference; binary files (the data) decode lossily, unchecked.
                out.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /**
     * The Reader's output: its knime://knime.workflow URL resolves against {@code flow} as in KNIME for a
     * workflow run from a temporary copy, which is in no space and may read only inside its own folder.
     * Checks that the shipped file is the centre 40³ of the installed template, voxels and affine.
     */
    static BufferedDataTable read(final Path flow, final NodeModel reader) throws Exception {
        BufferedDataTable read;
        try (var ctx = ShimWorkflowContext.setNotInSpace(flow)) {
            read = NodeTestKit.run(reader, (BufferedDataTable)null)[0];
        }
        Volume crop = NodeTestKit.ch2betCrop(40);
        Volume shipped = NodeTestKit.volume(NodeTestKit.rows(read).get(0), 0);
        assertArrayEquals(crop.data(), shipped.data(), flow.resolve(DemoTestflow.DATA_FILE) + " holds the centre 40^3 of ch2bet");
        assertEquals(0.0, crop.affine().maxAbsDifference(shipped.affine()), 1e-6);
        return read;
    }
}
