/*
 * SHIM-ONLY (not part of the KNIME API; tests only, never plugin main code): drives node models,
 * dialogs and views headless the way KNIME's framework does.
 */
package org.knime.core.node;

import java.awt.Component;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Framework-side calls into nodes, for headless tests. */
public final class ShimHeadless {
    private ShimHeadless() {
    }

    /**
     * Models executed through {@link #execute} and not reset since, with the internal tables KNIME's
     * framework takes from a {@link BufferedDataTableHolder} right after execute (a copy of the array;
     * null for models that hold none, i.e. no holder or getInternalTables() returned null).
     */
    private static final Map<NodeModel, BufferedDataTable[]> EXECUTED =
        Collections.synchronizedMap(new WeakHashMap<>());

    /** A fresh execution context with its own progress monitor and a temporary file store directory. */
    public static ExecutionContext executionContext() {
        return executionContext(new DefaultNodeProgressMonitor());
    }

    public static ExecutionContext executionContext(final NodeProgressMonitor monitor) {
        try {
            return executionContext(monitor, Files.createTempDirectory("knime-shim-exec"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ExecutionContext executionContext(final NodeProgressMonitor monitor, final Path fileStoreDir) {
        return new ExecutionContext(monitor, fileStoreDir.toFile());
    }

    /**
     * Calls configure like KNIME does, checking port counts on both sides. Like KNIME's NodeModel, the warning
     * of an earlier configure, execute or reset is cleared first.
     */
    public static PortObjectSpec[] configure(final NodeModel model, final PortObjectSpec... inSpecs)
        throws InvalidSettingsException {
        checkCount(model, "input specs", inSpecs.length, model.getNrInPorts());
        model.setWarningMessage(null);
        PortObjectSpec[] out = model.configure(inSpecs);
        checkCount(model, "output specs", out == null ? 0 : out.length, model.getNrOutPorts());
        return out;
    }

    /** Calls execute like KNIME does, checking port counts on both sides; clears the warning first (as KNIME). */
    public static PortObject[] execute(final NodeModel model, final ExecutionContext exec, final PortObject... in)
        throws Exception {
        checkCount(model, "input objects", in.length, model.getNrInPorts());
        EXECUTED.remove(model);
        model.setWarningMessage(null);
        PortObject[] out = model.execute(in, exec);
        checkCount(model, "output objects", out == null ? 0 : out.length, model.getNrOutPorts());
        EXECUTED.put(model, heldTablesOf(model));
        return out;
    }

    /** What KNIME's Node does after a successful execute: copy the model's internal table array. */
    private static BufferedDataTable[] heldTablesOf(final NodeModel model) {
        if (model instanceof BufferedDataTableHolder) {
            BufferedDataTable[] t = ((BufferedDataTableHolder)model).getInternalTables();
            return t == null ? null : t.clone();
        }
        return null;
    }

    /** Whether the model was executed through {@link #execute} and not reset since (KNIME: EXECUTED). */
    public static boolean isExecuted(final NodeModel model) {
        return EXECUTED.containsKey(model);
    }

    /**
     * The internal tables taken from the model right after its last execute (a copy of the array), as
     * KNIME saves them with the workflow; null when the model holds none or was not executed.
     */
    public static BufferedDataTable[] heldInternalTables(final NodeModel model) {
        BufferedDataTable[] t = EXECUTED.get(model);
        return t == null ? null : t.clone();
    }

    /** NodeModel#saveInternals, as KNIME calls it when saving an executed node. */
    public static void saveInternals(final NodeModel model, final File nodeInternDir, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        model.saveInternals(nodeInternDir, exec);
    }

    /**
     * Restores an executed node the way KNIME's Node.load does: loadInternals from the directory, then,
     * for a {@link BufferedDataTableHolder}, setInternalTables with a copy of the saved array.
     */
    public static void loadExecuted(final NodeModel model, final File nodeInternDir, final ExecutionMonitor exec,
        final BufferedDataTable[] internalTables) throws IOException, CanceledExecutionException {
        model.loadInternals(nodeInternDir, exec);
        BufferedDataTable[] held = internalTables == null ? null : internalTables.clone();
        if (model instanceof BufferedDataTableHolder && held != null) {
            ((BufferedDataTableHolder)model).setInternalTables(held.clone());
        }
        EXECUTED.put(model, held);
    }

    private static void checkCount(final NodeModel m, final String what, final int actual, final int expected) {
        if (actual != expected) {
            throw new IllegalStateException(m.getClass().getName() + ": " + actual + " " + what + ", expected " + expected);
        }
    }

    /** NodeModel#reset; like KNIME, the node is no longer executed and its held tables are dropped. */
    public static void reset(final NodeModel model) {
        EXECUTED.remove(model);
        model.setWarningMessage(null);
        model.reset();
    }

    public static int inPorts(final NodeModel model) {
        return model.getNrInPorts();
    }

    public static int outPorts(final NodeModel model) {
        return model.getNrOutPorts();
    }

    public static String warningMessage(final NodeModel model) {
        return model.warningMessage();
    }

    /** The model's settings, as KNIME saves them under "model" in settings.xml. */
    public static NodeSettings saveSettings(final NodeModel model) {
        NodeSettings s = new NodeSettings("model");
        model.saveSettingsTo(s);
        return s;
    }

    /** validateSettings then loadValidatedSettingsFrom, as KNIME applies settings. */
    public static void loadSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.validateSettings(settings);
        model.loadValidatedSettingsFrom(settings);
    }

    public static void validateSettings(final NodeModel model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        model.validateSettings(settings);
    }

    public static boolean hasDialog(final NodeFactory<?> factory) {
        return factory.hasDialog();
    }

    public static NodeDialogPane createDialog(final NodeFactory<?> factory) {
        return factory.createNodeDialogPane();
    }

    public static int nrViews(final NodeFactory<?> factory) {
        return factory.getNrNodeViews();
    }

    public static void loadDialog(final NodeDialogPane dialog, final NodeSettingsRO settings,
        final PortObjectSpec... specs) throws NotConfigurableException {
        dialog.loadSettingsFrom(settings, specs);
    }

    public static void saveDialog(final NodeDialogPane dialog, final NodeSettingsWO settings)
        throws InvalidSettingsException {
        dialog.saveSettingsTo(settings);
    }

    public static java.util.Set<String> tabTitles(final NodeDialogPane dialog) {
        return dialog.tabTitles();
    }

    /** onOpen then modelChanged; returns the component the view set. */
    public static Component openView(final NodeView<?> view) {
        view.onOpen();
        view.modelChanged();
        return view.component();
    }

    public static void closeView(final NodeView<?> view) {
        view.onClose();
    }

    public static Object lastViewNotification(final NodeModel model) {
        return model.lastViewNotification();
    }

    /** A table with the given rows, as an upstream node would deliver it. */
    public static BufferedDataTable table(final DataTableSpec spec, final DataRow... rows) {
        BufferedDataContainer c = new BufferedDataContainer(spec);
        for (DataRow r : rows) {
            c.addRowToTable(r);
        }
        c.close();
        return c.getTable();
    }
}
