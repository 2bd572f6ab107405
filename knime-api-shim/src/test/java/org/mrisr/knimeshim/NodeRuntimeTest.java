package org.mrisr.knimeshim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import javax.swing.JFileChooser;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.PortUtil;

class NodeRuntimeTest {
    private static final DataTableSpec SPEC = new DataTableSpec(
        new DataColumnSpecCreator("name", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("value", DoubleCell.TYPE).createSpec());

    @Test
    void dataTypesFollowValueInterfaces() {
        assertTrue(IntCell.TYPE.isCompatible(DoubleValue.class));
        assertTrue(IntCell.TYPE.isCompatible(IntValue.class));
        assertTrue(!DoubleCell.TYPE.isCompatible(IntValue.class));
        assertTrue(!StringCell.TYPE.isCompatible(DoubleValue.class));
        assertEquals(DoubleCell.TYPE, DataType.getType(DoubleCell.class));
        assertEquals(DoubleCell.class, DoubleCell.TYPE.getCellClass());
        assertEquals(new DoubleCell(0.5), new DoubleCell(0.5));
        assertTrue(!new IntCell(1).equals(new DoubleCell(1)));
        assertTrue(DataType.getMissingCell().isMissing());
        assertEquals(1, SPEC.findColumnIndex("value"));
        assertTrue(SPEC.getColumnSpec("name").getType().isCompatible(StringValue.class));
        assertEquals("value (#1)", DataTableSpec.getUniqueColumnName(SPEC, "value"));
    }

    @Test
    void containerChecksRowsAgainstSpecAndBuildsTable() throws Exception {
        ExecutionContext exec = ShimHeadless.executionContext();
        BufferedDataContainer c = exec.createDataContainer(SPEC);
        c.addRowToTable(new DefaultRow("r0", new StringCell("a"), new DoubleCell(1)));
        c.addRowToTable(new DefaultRow("r1", new StringCell("b"), DataType.getMissingCell()));
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(new DefaultRow("r2", new StringCell("c"), new StringCell("x"))));
        assertTrue(wrongType.getMessage().contains("value"), wrongType.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.addRowToTable(new DefaultRow("r3", new StringCell("c"))));
        assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(new DefaultRow("r0", new StringCell("dup"), new DoubleCell(2))));
        assertThrows(IllegalStateException.class, c::getTable, "table before close");
        c.close();
        BufferedDataTable t = c.getTable();
        assertEquals(2, t.size());
        assertEquals(SPEC, t.getDataTableSpec());
        try (CloseableRowIterator it = t.iterator()) {
            DataRow r = it.next();
            assertEquals("r0", r.getKey().getString());
            assertEquals(1.0, ((DoubleValue)r.getCell(1)).getDoubleValue());
        }
        BufferedDataTable copy = exec.createBufferedDataTable(t, exec.createSubProgress(0.1));
        assertEquals(2, copy.size());
    }

    @Test
    void progressScalesThroughSubMonitorsAndCancelPropagates() throws Exception {
        DefaultNodeProgressMonitor monitor = new DefaultNodeProgressMonitor();
        ExecutionContext exec = ShimHeadless.executionContext(monitor);
        exec.setProgress(0.2, "loading");
        ExecutionMonitor sub = exec.createSubProgress(0.5);
        sub.setProgress(0.5);
        assertEquals(0.45, monitor.getProgress(), 1e-12);
        sub.setProgress(1.0);
        assertEquals(0.7, monitor.getProgress(), 1e-12);
        ExecutionContext subExec = exec.createSubExecutionContext(0.3);
        subExec.setMessage("epoch 1/2");
        assertEquals("epoch 1/2", monitor.getMessage());
        subExec.checkCanceled();
        monitor.setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, subExec::checkCanceled);
        assertThrows(CanceledExecutionException.class, sub::checkCanceled);
    }

    @Test
    void fileStoresAreFreshFilesInsideTheStoreDirectory() throws Exception {
        ExecutionContext exec = ShimHeadless.executionContext();
        FileStore fs = exec.createFileStore("volumes/v1.bin");
        Files.writeString(fs.getFile().toPath(), "x");
        assertTrue(fs.getFile().isFile());
        assertThrows(IOException.class, () -> exec.createFileStore("volumes/v1.bin"), "duplicate name");
        assertThrows(IOException.class, () -> exec.createFileStore("../escape"));
    }

    /** A port object + spec pair written the way node authors write them. */
    public static final class Spec extends AbstractSimplePortObjectSpec {
        public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<Spec> {
        }

        private int m_factor;

        public Spec() {
        }

        Spec(final int factor) {
            m_factor = factor;
        }

        @Override
        protected void save(final ModelContentWO model) {
            model.addInt("factor", m_factor);
        }

        @Override
        protected void load(final ModelContentRO model) throws InvalidSettingsException {
            m_factor = model.getInt("factor");
        }
    }

    public static final class Model extends AbstractPortObject {
        public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(Model.class);

        public static final class Serializer extends AbstractPortObjectSerializer<Model> {
        }

        private Spec m_spec;
        private double[] m_weights;

        public Model() {
        }

        Model(final Spec spec, final double... weights) {
            m_spec = spec;
            m_weights = weights;
        }

        @Override
        public String getSummary() {
            return m_weights.length + " weights";
        }

        @Override
        public Spec getSpec() {
            return m_spec;
        }

        @Override
        public javax.swing.JComponent[] getViews() {
            return new javax.swing.JComponent[0];
        }

        @Override
        protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec) throws IOException {
            out.putNextEntry(new java.util.zip.ZipEntry("weights.bin"));
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(m_weights.length);
            for (double w : m_weights) {
                d.writeDouble(w);
            }
            d.flush();
        }

        @Override
        protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
            throws IOException {
            in.getNextEntry();
            DataInputStream d = new DataInputStream(in);
            m_weights = new double[d.readInt()];
            for (int i = 0; i < m_weights.length; i++) {
                m_weights[i] = d.readDouble();
            }
            m_spec = (Spec)spec;
        }
    }

    @Test
    void portObjectAndSpecRoundTripThroughTheirSerializers() throws Exception {
        Spec spec = new Spec(4);
        ByteArrayOutputStream specBytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = PortUtil.getPortObjectSpecZipOutputStream(specBytes)) {
            new Spec.Serializer().savePortObjectSpec(spec, out);
        }
        Spec specBack;
        try (PortObjectSpecZipInputStream in = PortUtil.getPortObjectSpecZipInputStream(new ByteArrayInputStream(specBytes.toByteArray()))) {
            specBack = new Spec.Serializer().loadPortObjectSpec(in);
        }
        assertEquals(spec, specBack);
        assertTrue(!spec.equals(new Spec(2)));

        Model model = new Model(spec, 0.5, -1.25, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = PortUtil.getPortObjectZipOutputStream(bytes)) {
            new Model.Serializer().savePortObject(model, out, new ExecutionMonitor());
        }
        Model back;
        try (PortObjectZipInputStream in = PortUtil.getPortObjectZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = new Model.Serializer().loadPortObject(in, specBack, new ExecutionMonitor());
        }
        assertEquals(3, back.m_weights.length);
        assertEquals(-1.25, back.m_weights[1]);
        assertEquals(spec, back.getSpec());
        assertEquals(Model.TYPE, PortTypeRegistry.getInstance().getPortType(Model.class));
        assertTrue(!Model.TYPE.equals(PortTypeRegistry.getInstance().getPortType(Model.class, true)));
    }

    @Test
    void dialogLoadsAndSavesItsComponentsHeadless() throws Exception {
        SettingsModelIntegerBounded factor = new SettingsModelIntegerBounded("factor", 2, 1, 8);
        SettingsModelString method = new SettingsModelString("method", "cubic");
        SettingsModelBoolean overwrite = new SettingsModelBoolean("overwrite", false);
        SettingsModelString column = new SettingsModelString("column", null);
        SettingsModelString folder = new SettingsModelString("folder", "");
        DefaultNodeSettingsPane pane = new DefaultNodeSettingsPane();
        pane.addDialogComponent(new DialogComponentNumber(factor, "Factor", 1));
        pane.createNewGroup("Method");
        pane.addDialogComponent(new DialogComponentStringSelection(method, "Method", "cubic", "linear", "nearest"));
        pane.closeCurrentGroup();
        pane.addDialogComponent(new DialogComponentBoolean(overwrite, "Overwrite"));
        pane.createNewTab("Input");
        pane.addDialogComponent(new DialogComponentColumnNameSelection(column, "Column", 0, DoubleValue.class));
        pane.addDialogComponent(new DialogComponentFileChooser(folder, "hist", JFileChooser.SAVE_DIALOG, true));

        NodeSettings in = new NodeSettings("model");
        in.addInt("factor", 4);
        in.addString("method", "linear");
        in.addBoolean("overwrite", true);
        in.addString("column", "value");
        in.addString("folder", new File("out").getAbsolutePath());
        ShimHeadless.loadDialog(pane, in, SPEC);
        NodeSettings out = new NodeSettings("model");
        ShimHeadless.saveDialog(pane, out);
        assertEquals(4, out.getInt("factor"));
        assertEquals("linear", out.getString("method"));
        assertTrue(out.getBoolean("overwrite"));
        assertEquals("value", out.getString("column"));
        assertEquals(java.util.Set.of("Options", "Input"), ShimHeadless.tabTitles(pane));

        // As in KNIME: the number component takes int and double models only.
        assertThrows(IllegalArgumentException.class, () -> new DialogComponentNumber(
            new org.knime.core.node.defaultnodesettings.SettingsModelLong("seed", 1L), "Seed", 1));

        DataTableSpec noDoubles = new DataTableSpec(new DataColumnSpecCreator("name", StringCell.TYPE).createSpec());
        assertThrows(NotConfigurableException.class, () -> ShimHeadless.loadDialog(pane, in, noDoubles));
    }

    @Test
    void fileChooserAcceptsAnyTextAndLeavesAnUnsetPathUnset() throws Exception {
        // KNIME 5.x's file chooser validates nothing; the node's settings validation judges the path.
        DefaultNodeSettingsPane pane = new DefaultNodeSettingsPane();
        pane.addDialogComponent(new DialogComponentFileChooser(new SettingsModelString("folder", "x"), "hist",
            JFileChooser.SAVE_DIALOG, true));
        for (String path : new String[] {null, "", " out dir "}) {
            NodeSettings in = new NodeSettings("model");
            in.addString("folder", path);
            ShimHeadless.loadDialog(pane, in, SPEC);
            NodeSettings out = new NodeSettings("model");
            ShimHeadless.saveDialog(pane, out);
            assertEquals(path, out.getString("folder"), "saved as loaded, untrimmed");
        }
    }

    @Test
    void cellSerializerRoundTripDetectsUnreadBytes() {
        org.knime.core.data.DataCellSerializer<StringCell> lazy = new org.knime.core.data.DataCellSerializer<>() {
            @Override
            public void serialize(final StringCell cell, final org.knime.core.data.DataCellDataOutput out) throws IOException {
                out.writeUTF(cell.getStringValue());
                out.writeInt(7);
            }

            @Override
            public StringCell deserialize(final org.knime.core.data.DataCellDataInput in) throws IOException {
                return new StringCell(in.readUTF());
            }
        };
        assertThrows(IOException.class, () -> CellStreams.deserialize(CellStreams.serialize(new StringCell("a"), lazy), lazy));
        DataCell unused = new StringCell("b");
        assertEquals("b", unused.toString());
    }
}
