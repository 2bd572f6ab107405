package org.mrisr.nodes.testflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;

/** A testflow folder in the repository, read back: its nodes' settings.xml loaded into our node models. */
final class ShippedFlow {
    private final Path dir;
    private final String generator;

    /** {@code name} under testflows/; {@code generator} names the class that writes it (for the error messages). */
    ShippedFlow(final String name, final String generator) {
        this.dir = Path.of(System.getProperty("mrisr.basedir", ".")).resolve("../testflows").resolve(name).normalize();
        this.generator = generator;
    }

    Path dir() {
        return dir;
    }

    static NodeSettingsRO load(final Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            return NodeSettings.loadFromXML(in);
        }
    }

    NodeSettingsRO workflow() throws Exception {
        return load(dir.resolve("workflow.knime"));
    }

    /** Node id → that node's settings.xml. */
    Map<Integer, NodeSettingsRO> nodeSettings() throws Exception {
        NodeSettingsRO nodes = workflow().getNodeSettings("nodes");
        Map<Integer, NodeSettingsRO> out = new LinkedHashMap<>();
        for (String key : nodes) {
            NodeSettingsRO n = nodes.getNodeSettings(key);
            Path file = dir.resolve(n.getString("node_settings_file"));
            assertTrue(Files.isRegularFile(file), "workflow.knime names " + file);
            out.put(n.getInt("id"), load(file));
        }
        return out;
    }

    /** Our node model with the shipped settings, which must equal what the model saves now. */
    NodeModel model(final NodeSettingsRO settingsXml) throws Exception {
        String factory = settingsXml.getString("factory");
        NodeModel m = ShimNodeCreation.createNodeModel((NodeFactory<?>)Class.forName(factory).getConstructor().newInstance());
        NodeSettingsRO model = settingsXml.getNodeSettings("model");
        try {
            ShimHeadless.loadSettings(m, model);
        } catch (InvalidSettingsException e) {
            fail(factory + ": testflow settings no longer load (" + e.getMessage() + "); regenerate with " + generator
                + ".main (see testflows/README.md)");
        }
        assertEquals(model, ShimHeadless.saveSettings(m), factory + ": settings.xml differs from what the model saves now; "
            + "regenerate with " + generator + ".main");
        return m;
    }
}
