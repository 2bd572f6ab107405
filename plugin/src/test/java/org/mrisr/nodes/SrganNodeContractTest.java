package org.mrisr.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.learner.SrganLearnerNodeFactory;
import org.mrisr.nodes.modelreader.SrganModelReaderNodeFactory;
import org.mrisr.nodes.modelwriter.SrganModelWriterNodeFactory;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.port.SrganModelPortObjectSpec;
import org.mrisr.nodes.predictor.SrPredictorNodeFactory;
import org.mrisr.nodes.testing.FsNodes;
import org.mrisr.nodes.testing.NodeTestKit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@link NodeContractTest}'s contract for the SRGAN nodes, whose ports mix tables and models and
 * whose descriptions use tabs: description v4.1 with matching ports and views, 16×16 icon, settings
 * round trips, headless dialogs and views.
 */
class SrganNodeContractTest {
    static final String NS = NodeContractTest.NS;
    static final DataTableSpec TABLE = NodeTestKit.spec("HR patch", VolumeCell.TYPE, "LR patch", VolumeCell.TYPE,
        "Source row", StringCell.TYPE, "LR", VolumeCell.TYPE, "HR", VolumeCell.TYPE);
    static final SrganModelPortObjectSpec MODEL = new SrganModelPortObjectSpec(2, UpsamplingMethod.SUBPIXEL_NN,
        SrganModelPortObjectSpec.NORMALISATION, "");

    static final Map<Class<?>, Consumer<NodeSettings>> CONFIGURED = Map.of(
        SrganLearnerNodeFactory.class, s -> {
            s.addInt("steps", 20);
            s.addInt("batch_size", 4);
            s.addDouble("learning_rate_g", 1e-4);
            s.addString("labels", "noisy");
            s.addBoolean("augment", false);
            s.addString("checkpoint_folder", "/tmp/ckpt");
            s.addInt("checkpoint_every", 5);
        },
        SrPredictorNodeFactory.class, s -> {
            s.addString("lr_column", "LR");
            s.addString("hr_column", "HR");
            s.addInt("window", 32);
            s.addString("blending", "constant");
        },
        SrganModelReaderNodeFactory.class, FsNodes.local("input", "/tmp/m.mrisr"),
        SrganModelWriterNodeFactory.class, FsNodes.local("output", "/tmp/out.mrisr")
            .andThen(FsNodes.ifExists("output", FileOverwritePolicy.OVERWRITE)));

    static Stream<NodeFactory<?>> factories() {
        return Stream.of(new SrganLearnerNodeFactory(), new SrPredictorNodeFactory(), new SrganModelReaderNodeFactory(),
            new SrganModelWriterNodeFactory());
    }

    private static NodeModel configured(final NodeFactory<?> f) throws InvalidSettingsException {
        NodeModel m = ShimNodeCreation.createNodeModel(f);
        NodeTestKit.configureSettings(m, CONFIGURED.get(f.getClass()));
        return m;
    }

    /** Input specs matching each node's ports (tables and model ports). */
    private static PortObjectSpec[] inSpecs(final NodeFactory<?> f) {
        if (f instanceof SrganLearnerNodeFactory) {
            return new PortObjectSpec[] {TABLE, TABLE, MODEL};
        }
        if (f instanceof SrPredictorNodeFactory) {
            return new PortObjectSpec[] {MODEL, TABLE};
        }
        if (f instanceof SrganModelWriterNodeFactory) {
            return new PortObjectSpec[] {MODEL};
        }
        return new PortObjectSpec[0];
    }

    private static List<Element> children(final Element parent, final String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("factories")
    void descriptionIsWellFormedV41AndMatchesThePorts(final NodeFactory<?> f) throws Exception {
        String xml = f.getClass().getSimpleName() + ".xml";
        Document doc;
        try (InputStream in = f.getClass().getResourceAsStream(xml)) {
            assertNotNull(in, xml + " next to the factory");
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            doc = dbf.newDocumentBuilder().parse(in);
        }
        Element root = doc.getDocumentElement();
        assertEquals("knimeNode", root.getLocalName());
        assertEquals(NS, root.getNamespaceURI());
        List<String> order = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                order.add(e.getLocalName());
            }
        }
        List<String> expected = new ArrayList<>(List.of("name", "shortDescription", "fullDescription", "ports"));
        if (ShimHeadless.nrViews(f) > 0) {
            expected.add("views");
        }
        assertEquals(expected, order, "children of knimeNode in schema order");
        Element full = children(root, "fullDescription").get(0);
        assertEquals(1, children(full, "intro").size());
        List<Element> options = new ArrayList<>(children(full, "option"));
        List<Element> tabs = children(full, "tab");
        assertTrue(options.isEmpty() || tabs.isEmpty(), "options either all in tabs or none");
        for (Element t : tabs) {
            assertFalse(t.getAttribute("name").isBlank());
            options.addAll(children(t, "option"));
        }
        assertTrue(options.size() >= 2, "an option per setting");
        NodeModel m = ShimNodeCreation.createNodeModel(f);
        Element ports = children(root, "ports").get(0);
        assertEquals(ShimHeadless.inPorts(m), children(ports, "inPort").size(), xml + " inPorts");
        assertEquals(ShimHeadless.outPorts(m), children(ports, "outPort").size(), xml + " outPorts");
        int views = ShimHeadless.nrViews(f) == 0 ? 0 : children(children(root, "views").get(0), "view").size();
        assertEquals(ShimHeadless.nrViews(f), views);
        try (InputStream in = f.getClass().getResourceAsStream(root.getAttribute("icon").replaceFirst("^\\./", ""))) {
            assertNotNull(in, "icon");
            BufferedImage img = ImageIO.read(in);
            assertEquals(16, img.getWidth());
            assertEquals(16, img.getHeight());
        }
    }

    @ParameterizedTest
    @MethodSource("factories")
    void settingsRoundTripAndValidationRefusesIncompleteSettings(final NodeFactory<?> f) throws Exception {
        NodeModel m = configured(f);
        NodeSettings saved = ShimHeadless.saveSettings(m);
        NodeModel other = ShimNodeCreation.createNodeModel(f);
        assertFalse(saved.equals(ShimHeadless.saveSettings(other)), "configured settings differ from defaults");
        ShimHeadless.loadSettings(other, saved);
        assertEquals(saved, ShimHeadless.saveSettings(other));
        assertThrows(InvalidSettingsException.class, () -> ShimHeadless.validateSettings(other, new NodeSettings("model")));
        for (String key : saved.keySet()) {
            if (!key.endsWith("_Internals")) {
                assertTrue(saved.containsKey(key + "_Internals"), key);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("factories")
    void dialogBuildsHeadlessAndSavesWhatTheModelAccepts(final NodeFactory<?> f) throws Exception {
        assertTrue(ShimHeadless.hasDialog(f));
        NodeSettings saved = ShimHeadless.saveSettings(configured(f));
        assertEquals(saved, NodeTestKit.dialogOk(f, saved, inSpecs(f)), "the dialog shows and returns every setting unchanged");
    }

    @ParameterizedTest
    @MethodSource("factories")
    void okInTheDialogOfANodeWithDefaultSettingsChangesNothing(final NodeFactory<?> f) throws Exception {
        NodeModel m = ShimNodeCreation.createNodeModel(f);
        if (f instanceof SrPredictorNodeFactory) {
            NodeTestKit.configureSettings(m, s -> s.addString("lr_column", "LR")); // its one required column
        }
        NodeSettings saved = ShimHeadless.saveSettings(m);
        assertEquals(saved, NodeTestKit.dialogOk(f, saved, inSpecs(f)), "no optional setting gets a value");
    }

    @ParameterizedTest
    @MethodSource("factories")
    void viewsOpenBeforeExecutionWhereADisplayExists(final NodeFactory<?> f) {
        NodeTestKit.openAndCloseViews(f, ShimNodeCreation.createNodeModel(f));
    }

    @org.junit.jupiter.api.Test
    void modelPortTypesAreTheRegisteredOnes() {
        PortType t = SrganModelPortObject.TYPE;
        assertEquals(SrganModelPortObject.class, t.getPortObjectClass());
        assertFalse(t.isOptional());
        assertTrue(SrganModelPortObject.TYPE_OPTIONAL.isOptional());
        assertNotNull(BufferedDataTable.TYPE);
    }
}
