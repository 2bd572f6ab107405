package org.mrisr.nodes.testflow;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.mrisr.nodes.degrade.DegradeNodeFactory;
import org.mrisr.nodes.interpolate.InterpolateNodeFactory;
import org.mrisr.nodes.patches.PatchExtractorNodeFactory;
import org.mrisr.nodes.reader.NiftiReaderNodeFactory;
import org.mrisr.nodes.reader.ReaderLocations;
import org.mrisr.nodes.scorer.ScorerNodeFactory;
import org.mrisr.nodes.testing.NodeTestKit;

/**
 * The demo testflow {@code testflows/mrisr-baseline}: NIfTI Reader (#1) → Degrade (#2) → Interpolate (#3)
 * → PSNR/SSIM Scorer (#4), Degrade → Patch Extractor (#6) (the training branch), plus a Testflow
 * Configuration (#5). Ids 7 and 8 are kept free for the SRGAN Learner (fed by #6) and SR Predictor. Run {@link #main} (from the repository root) to rewrite the files
 * after settings change; {@code TestflowSettingsTest} fails until they are regenerated.
 */
public final class DemoTestflow {
    static final String NAME = "mrisr-baseline";
    /**
     * The volume the testflows read: a 40³ crop of mricron's ch2bet shipped in each testflow's own data
     * folder (see testflows/make-data.sh), through a workflow-relative URL inside the workflow, so the
     * testflows run wherever they are copied, also as a temporary copy that is not in a space (KNIME lets
     * such a workflow reach nothing outside its folder).
     */
    static final String DATA_FILE = "data/ch2bet-crop40.nii.gz";

    static final String DATA = "knime://knime.workflow/" + DATA_FILE;

    /** One of our nodes in the flow: id, name, factory, its non-default settings, position. */
    record FlowNode(int id, String name, NodeFactory<?> factory, Consumer<NodeSettings> settings, int x, int y) {
        /** KNIME's node folder name: the node name with path separators replaced, plus the id. */
        String folder() {
            return name.replaceAll("[/\\\\:*?\"<>|]", "_") + " (#" + id + ")";
        }
    }

    /** {source id, source data port, dest id, dest data port} (0-based data ports). */
    static final int[][] CONNECTIONS = {{1, 0, 2, 0}, {2, 0, 3, 0}, {3, 0, 4, 0}, {2, 0, 6, 0}};

    static List<FlowNode> nodes() {
        return List.of(
            new FlowNode(1, "NIfTI Reader", new NiftiReaderNodeFactory(), ReaderLocations.readFrom(DATA), 60, 120),
            new FlowNode(2, "Degrade", new DegradeNodeFactory(), s -> s.addString("hr_column", "Volume"), 200, 120),
            new FlowNode(3, "Interpolate", new InterpolateNodeFactory(), s -> {
                s.addString("lr_column", "LR volume");
                s.addBoolean("match_shape", true);
                s.addString("shape_column", "Volume");
            }, 340, 120),
            new FlowNode(4, "PSNR/SSIM Scorer", new ScorerNodeFactory(), s -> {
                s.addString("reference_column", "Volume");
                s.addString("test_column", "Interpolated volume");
                s.addString("mask_source", "auto (reference > 0, holes filled)");
            }, 620, 120),
            new FlowNode(6, "Patch Extractor", new PatchExtractorNodeFactory(), s -> {
                s.addString("hr_column", "Volume");
                s.addString("lr_column", "LR volume");
            }, 340, 280));
    }

    /** The model settings of a node: defaults, then its edits, through validate + load as KNIME applies them. */
    static NodeSettings modelSettings(final FlowNode n) throws InvalidSettingsException {
        NodeModel m = ShimNodeCreation.createNodeModel(n.factory());
        NodeTestKit.configureSettings(m, n.settings());
        return ShimHeadless.saveSettings(m);
    }

    private DemoTestflow() {
    }

    /** Writes testflows/mrisr-baseline under the given repository root (default: the working directory). */
    public static void main(final String[] args) throws Exception {
        write(Path.of(args.length > 0 ? args[0] : ".").resolve("testflows").resolve(NAME));
    }

    static void write(final Path dir) throws IOException, InvalidSettingsException {
        writeFlow(dir, "mrisr baseline: read a 40^3 crop of ch2bet, degrade x2, cubic-spline interpolate back "
            + "onto the HR grid, score PSNR/SSIM in the brain; patch pairs for training (#6). Ids 7-8 are reserved for the SRGAN Learner/Predictor.", nodes(), CONNECTIONS, 5);
    }

    /**
     * Writes a testflow folder: workflow.knime, one settings.xml per node (from our node models' own
     * saveSettingsTo) and a Testflow Configuration node with id {@code configId}; connections are
     * {sourceId, sourcePort, destId, destPort} with data ports counted from 0.
     */
    static void writeFlow(final Path dir, final String description, final List<FlowNode> flowNodes,
        final int[][] connections, final int configId) throws IOException, InvalidSettingsException {
        Files.createDirectories(dir);
        NodeSettings wf = new NodeSettings("workflow.knime");
        wf.addString("created_by", "5.5.0");
        wf.addString("version", "4.1.0");
        wf.addString("name", null);
        NodeSettingsWO author = wf.addNodeSettings("authorInformation");
        author.addString("authored-by", "mrisr");
        author.addString("authored-when", "2026-11-25 00:00:00 +0000");
        author.addString("lastEdited-by", "mrisr");
        author.addString("lastEdited-when", "2026-11-25 00:00:00 +0000");
        wf.addString("customDescription", description);
        wf.addString("state", "IDLE");
        wf.addNodeSettings("workflow_credentials");
        NodeSettingsWO nodes = wf.addNodeSettings("nodes");
        for (FlowNode n : flowNodes) {
            NodeSettings s = new NodeSettings("settings.xml");
            s.addString("node_file", "settings.xml");
            s.addNodeSettings("flow_stack");
            s.addNodeSettings("internal_node_subsettings").addString("memory_policy", "CacheSmallInMemory");
            s.addNodeSettings(modelSettings(n));
            s.addString("customDescription", null);
            s.addString("state", "CONFIGURED");
            s.addString("factory", n.factory().getClass().getName());
            s.addString("node-name", n.name());
            s.addString("node-bundle-name", "mrisr - 3D brain MRI super-resolution");
            s.addString("node-bundle-symbolic-name", "org.mrisr");
            s.addString("node-bundle-vendor", "mrisr");
            s.addString("node-bundle-version", "0.1.0");
            s.addNodeSettings("factory_settings");
            s.addString("name", n.name());
            s.addBoolean("hasContent", false);
            s.addBoolean("isInactive", false);
            s.addNodeSettings("ports");
            NodeSettingsWO fs = s.addNodeSettings("filestores");
            fs.addString("file_store_location", null);
            fs.addString("file_store_id", null);
            save(s, dir.resolve(n.folder()).resolve("settings.xml"));
            addNode(nodes, n.id(), n.folder(), n.x(), n.y());
        }
        save(testConfig(), dir.resolve("Testflow Configuration (#" + configId + ")").resolve("settings.xml"));
        addNode(nodes, configId, "Testflow Configuration (#" + configId + ")", 60, 280);
        NodeSettingsWO conns = wf.addNodeSettings("connections");
        for (int i = 0; i < connections.length; i++) {
            NodeSettingsWO c = conns.addNodeSettings("connection_" + i);
            // Port 0 of every node is its flow-variable port, so data ports count from 1 in workflow.knime.
            c.addInt("sourceID", connections[i][0]);
            c.addInt("destID", connections[i][2]);
            c.addInt("sourcePort", connections[i][1] + 1);
            c.addInt("destPort", connections[i][3] + 1);
        }
        NodeSettingsWO editor = wf.addNodeSettings("workflow_editor_settings");
        editor.addBoolean("workflow.editor.snapToGrid", true);
        editor.addBoolean("workflow.editor.ShowGrid", false);
        editor.addInt("workflow.editor.gridX", 20);
        editor.addInt("workflow.editor.gridY", 20);
        editor.addDouble("workflow.editor.zoomLevel", 1.0);
        save(wf, dir.resolve("workflow.knime"));
    }

    static void addNode(final NodeSettingsWO nodes, final int id, final String folder, final int x, final int y) {
        NodeSettingsWO n = nodes.addNodeSettings("node_" + id);
        n.addInt("id", id);
        n.addString("node_settings_file", folder + "/settings.xml");
        n.addBoolean("node_is_meta", false);
        n.addString("node_type", "NativeNode");
        n.addString("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
        NodeSettingsWO b = n.addNodeSettings("ui_settings").addNodeSettings("extrainfo.node.bounds");
        b.addInt("array-size", 4);
        b.addInt("0", x);
        b.addInt("1", y);
        b.addInt("2", 100);
        b.addInt("3", 80);
    }

    /** KNIME's Testflow Configuration: no failing nodes, no required warnings or errors, 10 minutes. */
    static NodeSettings testConfig() {
        NodeSettings s = new NodeSettings("settings.xml");
        s.addString("node_file", "settings.xml");
        s.addNodeSettings("flow_stack");
        s.addNodeSettings("internal_node_subsettings").addString("memory_policy", "CacheSmallInMemory");
        NodeSettingsWO m = s.addNodeSettings("model");
        m.addString("owner", "mrisr");
        for (String k : new String[] {"requiredLogErrors", "requiredLogWarnings", "requiredLogInfos", "failingNodes"}) {
            m.addNodeSettings(k).addInt("array-size", 0);
        }
        m.addNodeSettings("requiredNodeWarnings").addInt("count", 0);
        m.addNodeSettings("requiredNodeErrors").addInt("count", 0);
        m.addInt("timeout", 600);
        m.addInt("maxHilitedRows", 2500);
        m.addNodeSettings("usedJanitors").addInt("array-size", 0);
        s.addString("customDescription", null);
        s.addString("state", "CONFIGURED");
        s.addString("factory", "org.knime.testing.node.config.TestConfigNodeFactory");
        s.addString("node-name", "Testflow Configuration");
        s.addString("node-bundle-name", "Test-Node extension for KNIME Workbench");
        s.addString("node-bundle-symbolic-name", "org.knime.testing");
        s.addString("node-bundle-vendor", "KNIME AG, Zurich, Switzerland");
        s.addString("node-bundle-version", "5.5.0");
        s.addString("node-feature-name", "KNIME Testing Framework");
        s.addString("node-feature-symbolic-name", "org.knime.features.testing.application.feature.group");
        s.addNodeSettings("factory_settings");
        s.addString("name", "Testflow Configuration");
        s.addBoolean("hasContent", false);
        s.addBoolean("isInactive", false);
        s.addNodeSettings("ports");
        NodeSettingsWO fs = s.addNodeSettings("filestores");
        fs.addString("file_store_location", null);
        fs.addString("file_store_id", null);
        return s;
    }

    static void save(final NodeSettings s, final Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            s.saveToXML(out);
        }
    }
}
