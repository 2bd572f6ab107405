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
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.filehandling.core.connections.FSCategory;
import org.knime.filehandling.core.connections.FSLocation;
import org.knime.filehandling.core.defaultnodesettings.filechooser.writer.FileOverwritePolicy;
import org.knime.filehandling.core.defaultnodesettings.filtermode.SettingsModelFilterMode.FilterMode;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.degrade.DegradeNodeFactory;
import org.mrisr.nodes.interpolate.InterpolateNodeFactory;
import org.mrisr.nodes.patches.PatchExtractorNodeFactory;
import org.mrisr.nodes.reader.NiftiReaderNodeFactory;
import org.mrisr.nodes.reader.ReaderLocations;
import org.mrisr.nodes.scorer.ScorerNodeFactory;
import org.mrisr.nodes.testing.FsNodes;
import org.mrisr.nodes.testing.NodeTestKit;
import org.mrisr.nodes.thickslice.ThickSliceNodeFactory;
import org.mrisr.nodes.writer.NiftiWriterNodeFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What every mrisr node must satisfy: description, icon, dialog, settings and views. */
class NodeContractTest {
    static final String NS = "http://knime.org/node/v4.1";
    /** An input with every kind of column the nodes look for. */
    static final DataTableSpec SPEC = NodeTestKit.spec("HR", VolumeCell.TYPE, "LR", VolumeCell.TYPE, "Mask",
        VolumeCell.TYPE, "Name", StringCell.TYPE);

    /** Valid, non-default settings per node (for SPEC). */
    static final Map<Class<?>, Consumer<NodeSettings>> CONFIGURED = Map.of(
        NiftiReaderNodeFactory.class, ReaderLocations.readFrom(new FSLocation(FSCategory.LOCAL, "/tmp"),
            FilterMode.FILES_IN_FOLDERS, true).andThen(s -> {
                s.addInt("volume_index", 2);
                s.addString("path_column", "Name");
            }),
        NiftiWriterNodeFactory.class, FsNodes.local("output", "/tmp/out")
            .andThen(FsNodes.ifExists("output", FileOverwritePolicy.IGNORE)).andThen(s -> {
                s.addString("volume_column", "LR");
                s.addString("file_name_pattern", "{Name}_lr");
                s.addBoolean("gzip", false);
            }),
        DegradeNodeFactory.class, s -> {
            s.addString("hr_column", "HR");
            s.addDouble("factor_z", 4);
            s.addDouble("rician_noise", 0.01);
        },
        PatchExtractorNodeFactory.class, s -> {
            s.addString("hr_column", "HR");
            s.addString("lr_column", "LR");
            s.addInt("patch_z", 16);
            s.addInt("stride_z", 12);
        },
        InterpolateNodeFactory.class, s -> {
            s.addString("lr_column", "LR");
            s.addString("method", "linear");
            s.addBoolean("match_shape", true);
            s.addString("shape_column", "HR");
        },
        ScorerNodeFactory.class, s -> {
            s.addString("reference_column", "HR");
            s.addString("test_column", "LR");
            s.addString("mask_source", "column");
            s.addString("mask_column", "Mask");
            s.addString("data_range", "fixed");
            s.addDouble("fixed_data_range", 100);
        },
        ThickSliceNodeFactory.class, s -> {
            s.addString("volume_column", "LR");
            s.addString("axis", "z");
            s.addInt("factor", 4);
            s.addString("slice_profile", "box");
        });

    /** Only what each node needs set to run on SPEC: every optional setting keeps its default. */
    static final Map<Class<?>, Consumer<NodeSettings>> REQUIRED = Map.of(
        NiftiReaderNodeFactory.class, ReaderLocations.readFrom(new FSLocation(FSCategory.LOCAL, "/tmp"),
            FilterMode.FILE, false),
        NiftiWriterNodeFactory.class, FsNodes.local("output", "/tmp/out").andThen(s -> s.addString("volume_column", "LR")),
        DegradeNodeFactory.class, s -> s.addString("hr_column", "HR"),
        PatchExtractorNodeFactory.class, s -> {
            s.addString("hr_column", "HR");
            s.addString("lr_column", "LR");
        },
        ThickSliceNodeFactory.class, s -> s.addString("volume_column", "LR"),
        InterpolateNodeFactory.class, s -> s.addString("lr_column", "LR"),
        ScorerNodeFactory.class, s -> {
            s.addString("reference_column", "HR");
            s.addString("test_column", "LR");
        });

    static Stream<NodeFactory<?>> factories() {
        return Stream.of(new NiftiReaderNodeFactory(), new NiftiWriterNodeFactory(), new DegradeNodeFactory(),
            new PatchExtractorNodeFactory(), new InterpolateNodeFactory(), new ScorerNodeFactory(), new ThickSliceNodeFactory());
    }

    private static PortObjectSpec[] inSpecs(final NodeModel m) {
        PortObjectSpec[] specs = new PortObjectSpec[ShimHeadless.inPorts(m)];
        java.util.Arrays.fill(specs, SPEC);
        return specs;
    }

    private static NodeModel configured(final NodeFactory<?> f) throws InvalidSettingsException {
        NodeModel m = ShimNodeCreation.createNodeModel(f);
        NodeTestKit.configureSettings(m, CONFIGURED.get(f.getClass()));
        return m;
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
        assertTrue(List.of("Source", "Sink", "Manipulator", "Predictor", "Learner", "Visualizer", "Other")
            .contains(root.getAttribute("type")), root.getAttribute("type"));
        List<String> order = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                order.add(e.getLocalName());
            }
        }
        List<String> expectedOrder = new ArrayList<>(List.of("name", "shortDescription", "fullDescription", "ports"));
        NodeModel m = ShimNodeCreation.createNodeModel(f);
        if (ShimHeadless.nrViews(f) > 0) {
            expectedOrder.add("views");
        }
        assertEquals(expectedOrder, order, "children of knimeNode in schema order");
        assertFalse(children(root, "name").get(0).getTextContent().isBlank());
        Element full = children(root, "fullDescription").get(0);
        assertEquals(1, children(full, "intro").size());
        assertTrue(children(full, "option").size() >= 3, "an option per setting");
        for (Element o : children(full, "option")) {
            assertFalse(o.getAttribute("name").isBlank());
        }

        Element ports = children(root, "ports").get(0);
        checkPorts(children(ports, "inPort"), ShimHeadless.inPorts(m), xml);
        checkPorts(children(ports, "outPort"), ShimHeadless.outPorts(m), xml);
        List<Element> views = doc.getElementsByTagNameNS(NS, "view").getLength() == 0 ? List.of()
            : children(children(root, "views").get(0), "view");
        assertEquals(ShimHeadless.nrViews(f), views.size(), xml + ": views");

        String icon = root.getAttribute("icon");
        try (InputStream in = f.getClass().getResourceAsStream(icon.replaceFirst("^\\./", ""))) {
            assertNotNull(in, "icon " + icon + " next to " + xml);
            BufferedImage img = ImageIO.read(in);
            assertEquals(16, img.getWidth());
            assertEquals(16, img.getHeight());
        }
    }

    private static void checkPorts(final List<Element> ports, final int count, final String xml) {
        assertEquals(count, ports.size(), xml + ": port count matches the model");
        for (int i = 0; i < ports.size(); i++) {
            assertEquals(Integer.toString(i), ports.get(i).getAttribute("index"), xml);
            assertFalse(ports.get(i).getAttribute("name").isBlank(), xml);
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
        // Each setting carries its internals sub-config, as KNIME's settings.xml does.
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
        NodeModel m = configured(f);
        NodeSettings saved = ShimHeadless.saveSettings(m);
        NodeSettings fromDialog = NodeTestKit.dialogOk(f, saved, inSpecs(m));
        assertEquals(saved, fromDialog, "the dialog shows and returns every setting unchanged");
        ShimHeadless.loadSettings(ShimNodeCreation.createNodeModel(f), fromDialog);
    }

    @ParameterizedTest
    @MethodSource("factories")
    void okInTheDialogLeavesUnsetOptionalColumnsUnset(final NodeFactory<?> f) throws Exception {
        NodeModel m = ShimNodeCreation.createNodeModel(f);
        NodeTestKit.configureSettings(m, REQUIRED.get(f.getClass()));
        NodeSettings saved = ShimHeadless.saveSettings(m);
        assertEquals(saved, NodeTestKit.dialogOk(f, saved, inSpecs(m)),
            "opening the dialog and pressing OK changes nothing (KNIME would reset the node)");
    }

    @ParameterizedTest
    @MethodSource("factories")
    void viewsOpenBeforeExecutionWhereADisplayExists(final NodeFactory<?> f) {
        NodeTestKit.openAndCloseViews(f, ShimNodeCreation.createNodeModel(f));
    }
}
