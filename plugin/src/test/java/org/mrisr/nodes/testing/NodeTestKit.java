package org.mrisr.nodes.testing;

import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.filestore.FileStoreFactory;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeView;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.testutil.RealData;

/** Drives node models headless through the shim, on crops of real MRI. */
public final class NodeTestKit {
    private static Volume ch2bet;

    private NodeTestKit() {
    }

    /** The centre n×n×n crop of mricron's ch2bet (skull-stripped T1, 1 mm), read once per JVM. */
    public static synchronized Volume ch2betCrop(final int n) {
        if (ch2bet == null) {
            ch2bet = NiftiReader.read(RealData.mricron("ch2bet.nii.gz"));
        }
        int[] s = ch2bet.shape();
        return ch2bet.crop((s[0] - n) / 2, (s[1] - n) / 2, (s[2] - n) / 2, n, n, n);
    }

    public static VolumeCell cell(final Volume v) {
        try {
            return VolumeCell.create(FileStoreFactory.createNotInWorkflowFileStoreFactory(), v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DataTableSpec spec(final Object... nameTypePairs) {
        DataColumnSpec[] cols = new DataColumnSpec[nameTypePairs.length / 2];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = new DataColumnSpecCreator((String)nameTypePairs[2 * i], (DataType)nameTypePairs[2 * i + 1]).createSpec();
        }
        return new DataTableSpec(cols);
    }

    public static DataRow row(final String key, final DataCell... cells) {
        return new DefaultRow(key, cells);
    }

    public static BufferedDataTable table(final DataTableSpec spec, final DataRow... rows) {
        return ShimHeadless.table(spec, rows);
    }

    /** The model's settings after {@code edit}, loaded back through validate + load, as KNIME applies dialog settings. */
    public static void configureSettings(final NodeModel model, final Consumer<NodeSettings> edit)
        throws InvalidSettingsException {
        NodeSettings s = ShimHeadless.saveSettings(model);
        edit.accept(s);
        ShimHeadless.loadSettings(model, s);
    }

    /** {@code s} as a workflow saved before option {@code key} existed has it: without the key (and its internals). */
    public static NodeSettingsRO withoutKey(final NodeSettings s, final String key) throws IOException {
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        s.saveToXML(xml);
        String text = xml.toString(StandardCharsets.UTF_8);
        String stripped = text.replaceAll("<entry key=\"" + key + "\"[^>]*/>", "")
            .replaceAll("(?s)<config key=\"" + key + "_Internals\">.*?</config>", "");
        NodeSettingsRO old = NodeSettings.loadFromXML(new ByteArrayInputStream(stripped.getBytes(StandardCharsets.UTF_8)));
        Assertions.assertFalse(old.containsKey(key), stripped);
        return old;
    }

    public static DataTableSpec[] configure(final NodeModel model, final DataTableSpec... in)
        throws InvalidSettingsException {
        PortObjectSpec[] out = ShimHeadless.configure(model, (PortObjectSpec[])in);
        DataTableSpec[] t = new DataTableSpec[out.length];
        for (int i = 0; i < out.length; i++) {
            t[i] = (DataTableSpec)out[i];
        }
        return t;
    }

    /** configure, then execute; checks that the executed specs equal the configured ones. */
    public static BufferedDataTable[] run(final NodeModel model, final ExecutionContext exec, final BufferedDataTable... in)
        throws Exception {
        DataTableSpec[] inSpecs = new DataTableSpec[in.length];
        for (int i = 0; i < in.length; i++) {
            inSpecs[i] = in[i] == null ? null : in[i].getDataTableSpec();
        }
        DataTableSpec[] configured = configure(model, inSpecs);
        PortObject[] out = ShimHeadless.execute(model, exec, (PortObject[])in);
        BufferedDataTable[] t = new BufferedDataTable[out.length];
        for (int i = 0; i < out.length; i++) {
            t[i] = (BufferedDataTable)out[i];
            if (!configured[i].equals(t[i].getDataTableSpec())) {
                throw new AssertionError("port " + i + ": executed spec " + t[i].getDataTableSpec()
                    + " differs from the configured spec " + configured[i]);
            }
        }
        return t;
    }

    /** A source node whose optional input is not connected. */
    public static BufferedDataTable[] runUnconnected(final NodeModel model, final ExecutionContext exec) throws Exception {
        return run(model, exec, (BufferedDataTable)null);
    }

    public static BufferedDataTable[] run(final NodeModel model, final BufferedDataTable... in) throws Exception {
        return run(model, ShimHeadless.executionContext(), in);
    }

    public static Volume volume(final DataRow row, final int col) {
        return ((VolumeValue)row.getCell(col)).getVolume();
    }

    /** Rows of a table as a list. */
    public static java.util.List<DataRow> rows(final BufferedDataTable t) {
        java.util.List<DataRow> l = new java.util.ArrayList<>();
        for (DataRow r : t) {
            l.add(r);
        }
        return l;
    }

    /**
     * What KNIME does when a user opens a node's dialog and presses OK: load the node's settings with the
     * input specs, save them back. KNIME resets the node if the result differs from its settings.
     */
    public static NodeSettings dialogOk(final NodeFactory<?> factory, final NodeSettingsRO settings,
        final PortObjectSpec... specs) throws NotConfigurableException, InvalidSettingsException {
        NodeDialogPane dialog = ShimNodeCreation.createNodeDialogPane(factory);
        Assertions.assertNotNull(dialog.getPanel());
        ShimHeadless.loadDialog(dialog, settings, specs);
        NodeSettings fromDialog = new NodeSettings("model");
        ShimHeadless.saveDialog(dialog, fromDialog);
        return fromDialog;
    }

    /**
     * Builds, opens and closes every view of the factory on the model, as KNIME does when a user opens
     * them. Only where a display exists: a NodeView creates its window, so KNIME builds none in a
     * headless JVM (surefire runs headless; the views' panels have their own headless tests).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void openAndCloseViews(final NodeFactory<?> factory, final NodeModel model) {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "a NodeView needs a display, as in KNIME");
        for (int i = 0; i < ShimHeadless.nrViews(factory); i++) {
            NodeView<?> view = ((NodeFactory)factory).createNodeView(i, model);
            Assertions.assertNotNull(ShimHeadless.openView(view));
            ShimHeadless.closeView(view);
        }
    }

    public static Path tmp(final String prefix) {
        try {
            return java.nio.file.Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
