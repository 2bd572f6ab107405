/*
 * SHIM-ONLY (not part of the KNIME API; tests only, never plugin main code).
 */
package org.mrisr.knimeshim;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.BufferedDataTableHolder;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.ShimNodeCreation;

/**
 * Simulates "workflow saved and opened again" for one node, the way KNIME persists a node:
 * <ul>
 * <li>save: the model's settings (saveSettingsTo, under "model" in {@code settings.xml}); for an executed
 * node (executed through {@link ShimHeadless#execute} and not reset) also its internals
 * (saveInternals into {@code internal/}) and, for a {@link BufferedDataTableHolder}, the internal tables
 * KNIME took from it right after execute (written cell by cell, see {@link ShimTableIO}, into
 * {@code internalTables/});</li>
 * <li>load: a fresh model from the factory, its settings applied (validateSettings, then
 * loadValidatedSettingsFrom); for an executed node then loadInternals and setInternalTables with the
 * tables read back (a new array, null elements kept) - the order of KNIME's Node.load.</li>
 * </ul>
 * Not modelled: output port objects (KNIME saves those too; re-execute or keep them in the test),
 * flow variables, node views. File store files stay where they are and are re-attached.
 *
 * <pre>
 * MyNodeModel model = ShimNodeCreation.createNodeModel(factory);
 * ShimHeadless.loadSettings(model, settings);
 * ShimHeadless.execute(model, ShimHeadless.executionContext(), inputs);
 * MyNodeModel reopened = ShimNodePersistence.saveAndReopen(factory, model, tempDir);
 * </pre>
 */
public final class ShimNodePersistence {
    private static final String SETTINGS_FILE = "settings.xml";

    private static final String INTERNAL_DIR = "internal";

    private static final String TABLES_DIR = "internalTables";

    private static final String CFG_MODEL = "model";

    private static final String CFG_EXECUTED = "shim_executed";

    private static final String CFG_TABLE_COUNT = "shim_internal_table_count";

    private ShimNodePersistence() {
    }

    /** Saves the node into nodeDir (created if need be; must be empty) and loads it into a fresh model. */
    public static <T extends NodeModel> T saveAndReopen(final NodeFactory<T> factory, final T model, final Path nodeDir)
        throws IOException, CanceledExecutionException, InvalidSettingsException {
        save(model, nodeDir);
        return load(factory, nodeDir);
    }

    /** As {@link #saveAndReopen(NodeFactory, NodeModel, Path)}, into a new temporary directory. */
    public static <T extends NodeModel> T saveAndReopen(final NodeFactory<T> factory, final T model)
        throws IOException, CanceledExecutionException, InvalidSettingsException {
        return saveAndReopen(factory, model, Files.createTempDirectory("knime-shim-node"));
    }

    /** Saves settings and, for an executed node, internals and internal tables into nodeDir. */
    public static void save(final NodeModel model, final Path nodeDir) throws IOException, CanceledExecutionException {
        Files.createDirectories(nodeDir);
        try (var entries = Files.list(nodeDir)) {
            if (entries.findAny().isPresent()) {
                throw new IOException("Node directory " + nodeDir + " is not empty");
            }
        }
        boolean executed = ShimHeadless.isExecuted(model);
        NodeSettings root = new NodeSettings(SETTINGS_FILE);
        root.addNodeSettings(ShimHeadless.saveSettings(model));
        root.addBoolean(CFG_EXECUTED, executed);
        BufferedDataTable[] tables = executed ? ShimHeadless.heldInternalTables(model) : null;
        root.addInt(CFG_TABLE_COUNT, tables == null ? -1 : tables.length);
        if (executed) {
            File internDir = Files.createDirectory(nodeDir.resolve(INTERNAL_DIR)).toFile();
            ShimHeadless.saveInternals(model, internDir, new ExecutionMonitor());
            if (tables != null) {
                Path tablesDir = Files.createDirectory(nodeDir.resolve(TABLES_DIR));
                for (int i = 0; i < tables.length; i++) {
                    if (tables[i] != null) {
                        ShimTableIO.write(tables[i], tablesDir.resolve(tableFile(i)));
                    }
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(nodeDir.resolve(SETTINGS_FILE))) {
            root.saveToXML(out);
        }
    }

    /** Creates a model from the factory and loads what {@link #save} wrote into nodeDir. */
    public static <T extends NodeModel> T load(final NodeFactory<T> factory, final Path nodeDir)
        throws IOException, CanceledExecutionException, InvalidSettingsException {
        NodeSettingsRO root;
        try (InputStream in = Files.newInputStream(nodeDir.resolve(SETTINGS_FILE))) {
            root = NodeSettings.loadFromXML(in);
        }
        T model = ShimNodeCreation.createNodeModel(factory); // configurable factories too, with their default ports
        ShimHeadless.loadSettings(model, root.getNodeSettings(CFG_MODEL));
        if (root.getBoolean(CFG_EXECUTED)) {
            int count = root.getInt(CFG_TABLE_COUNT);
            BufferedDataTable[] tables = null;
            if (count >= 0) {
                ClassLoader loader = model.getClass().getClassLoader();
                tables = new BufferedDataTable[count];
                for (int i = 0; i < count; i++) {
                    Path f = nodeDir.resolve(TABLES_DIR).resolve(tableFile(i));
                    tables[i] = Files.exists(f) ? ShimTableIO.read(f, loader) : null;
                }
            }
            ShimHeadless.loadExecuted(model, nodeDir.resolve(INTERNAL_DIR).toFile(), new ExecutionMonitor(), tables);
        }
        return model;
    }

    private static String tableFile(final int index) {
        return "table_" + index + ".bin";
    }
}
