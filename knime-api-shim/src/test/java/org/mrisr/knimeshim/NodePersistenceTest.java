package org.mrisr.knimeshim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellDataInput;
import org.knime.core.data.DataCellDataOutput;
import org.knime.core.data.DataCellSerializer;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.StringValue;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.data.filestore.FileStoreCell;
import org.knime.core.data.filestore.ShimFileStores;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.BufferedDataTableHolder;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** ShimNodePersistence: a node saved and opened again the way KNIME persists it. */
class NodePersistenceTest {
    private static final DataTableSpec IN_SPEC = new DataTableSpec(
        new DataColumnSpecCreator("name", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("value", DoubleCell.TYPE).createSpec());

    /** A file store cell whose text lives in its file; registered with its serializer in the test plugin.xml. */
    public static final class NoteCell extends FileStoreCell implements StringValue {
        private static final long serialVersionUID = 1L;

        private transient String m_text;

        private transient int m_postConstructs;

        NoteCell(final FileStore store, final String text) throws IOException {
            super(store);
            Files.writeString(store.getFile().toPath(), text);
            m_text = text;
        }

        NoteCell() {
        }

        @Override
        protected void postConstruct() throws IOException {
            m_postConstructs++;
            m_text = Files.readString(getFileStores()[0].getFile().toPath());
        }

        @Override
        public String getStringValue() {
            return m_text;
        }
    }

    /** Public with a public no-arg constructor, as KNIME requires of a registered serializer. */
    public static final class NoteCellSerializer implements DataCellSerializer<NoteCell> {
        @Override
        public void serialize(final NoteCell cell, final DataCellDataOutput output) throws IOException {
            output.writeUTF("note-v1");
        }

        @Override
        public NoteCell deserialize(final DataCellDataInput input) throws IOException {
            if (!"note-v1".equals(input.readUTF())) {
                throw new IOException("bad note header");
            }
            return new NoteCell();
        }
    }

    /** Holds its input table, nothing, and a table of note cells; keeps a note in its internals. */
    static final class HolderModel extends NodeModel implements BufferedDataTableHolder {
        final SettingsModelString m_label = new SettingsModelString("label", "default");

        final List<String> m_calls = new ArrayList<>();

        BufferedDataTable[] m_held;

        String m_note;

        HolderModel() {
            super(1, 1);
        }

        @Override
        protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
            throws Exception {
            DataTableSpec noteSpec = new DataTableSpec(
                new DataColumnSpecCreator("note", DataType.getType(NoteCell.class)).createSpec(),
                new DataColumnSpecCreator("count", IntCell.TYPE).createSpec());
            BufferedDataTable notes = ShimHeadless.table(noteSpec,
                new DefaultRow("n0", new NoteCell(exec.createFileStore("notes/n0.txt"), "first note"), new IntCell(7)),
                new DefaultRow("n1", DataType.getMissingCell(), new IntCell(8)));
            m_held = new BufferedDataTable[]{inData[0], null, notes};
            m_note = m_label.getStringValue() + " saw " + inData[0].size() + " rows";
            return inData;
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
            return inSpecs;
        }

        @Override
        public BufferedDataTable[] getInternalTables() {
            m_calls.add("getInternalTables");
            return m_held;
        }

        @Override
        public void setInternalTables(final BufferedDataTable[] tables) {
            m_calls.add("setInternalTables");
            m_held = tables;
        }

        @Override
        protected void saveInternals(final File dir, final ExecutionMonitor exec) throws IOException {
            m_calls.add("saveInternals");
            Files.writeString(dir.toPath().resolve("note.txt"), m_note);
        }

        @Override
        protected void loadInternals(final File dir, final ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
            m_calls.add("loadInternals");
            m_note = Files.readString(dir.toPath().resolve("note.txt"), StandardCharsets.UTF_8);
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
            m_label.saveSettingsTo(settings);
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
            m_label.validateSettings(settings);
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
            m_calls.add("loadValidatedSettingsFrom");
            m_label.loadSettingsFrom(settings);
        }

        @Override
        protected void reset() {
            m_held = null;
            m_note = null;
        }
    }

    static final class HolderFactory extends NodeFactory<HolderModel> {
        @Override
        public HolderModel createNodeModel() {
            return new HolderModel();
        }

        @Override
        protected int getNrNodeViews() {
            return 0;
        }

        @Override
        public NodeView<HolderModel> createNodeView(final int viewIndex, final HolderModel nodeModel) {
            return null;
        }

        @Override
        protected boolean hasDialog() {
            return false;
        }

        @Override
        protected NodeDialogPane createNodeDialogPane() {
            return null;
        }
    }

    private static HolderModel executedModel() throws Exception {
        HolderModel model = new HolderFactory().createNodeModel();
        NodeSettings s = new NodeSettings("model");
        s.addString("label", "mine");
        ShimHeadless.loadSettings(model, s);
        BufferedDataTable in = ShimHeadless.table(IN_SPEC,
            new DefaultRow("r0", new StringCell("a"), new DoubleCell(1.5)),
            new DefaultRow("r1", new StringCell("b"), DataType.getMissingCell()));
        ShimHeadless.execute(model, ShimHeadless.executionContext(), in);
        return model;
    }

    private static List<DataRow> rows(final BufferedDataTable t) {
        List<DataRow> rows = new ArrayList<>();
        try (CloseableRowIterator it = t.iterator()) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** Row keys and cells (DataCell equality), for comparing tables. */
    private static List<List<Object>> contents(final BufferedDataTable t) {
        List<List<Object>> out = new ArrayList<>();
        for (DataRow r : rows(t)) {
            List<Object> row = new ArrayList<>();
            row.add(r.getKey().getString());
            r.forEach(row::add);
            out.add(row);
        }
        return out;
    }

    @Test
    void executedHolderGetsInternalsThenItsTablesBackAfterReopening(@TempDir final Path dir) throws Exception {
        HolderModel model = executedModel();
        assertTrue(ShimHeadless.isExecuted(model));
        BufferedDataTable[] held = model.m_held;

        HolderModel reopened = ShimNodePersistence.saveAndReopen(new HolderFactory(), model, dir.resolve("node"));

        assertNotSame(model, reopened);
        assertEquals("mine", reopened.m_label.getStringValue());
        assertEquals("mine saw 2 rows", reopened.m_note);
        // KNIME's order: settings, then loadInternals, then setInternalTables.
        assertEquals(List.of("loadValidatedSettingsFrom", "loadInternals", "setInternalTables"), reopened.m_calls);
        assertTrue(ShimHeadless.isExecuted(reopened));

        BufferedDataTable[] back = reopened.m_held;
        assertEquals(3, back.length);
        assertNull(back[1]);
        assertEquals(IN_SPEC, back[0].getDataTableSpec());
        assertEquals(contents(held[0]), contents(back[0]));
        assertNotSame(held[0], back[0], "tables are written and read back, not handed over");

        List<DataRow> notes = rows(back[2]);
        assertEquals(held[2].getDataTableSpec(), back[2].getDataTableSpec());
        NoteCell note = (NoteCell)notes.get(0).getCell(0);
        assertEquals("first note", note.getStringValue(), "post-constructed from its file store");
        assertEquals(1, note.m_postConstructs);
        assertEquals(ShimFileStores.fileStoresOf((NoteCell)rows(held[2]).get(0).getCell(0))[0].getFile(),
            ShimFileStores.fileStoresOf(note)[0].getFile());
        assertTrue(notes.get(1).getCell(0).isMissing());
        assertEquals(8, ((IntCell)notes.get(1).getCell(1)).getIntValue());

        // setInternalTables got its own array, like KNIME's Arrays.copyOf
        back[0] = null;
        assertEquals(3, ShimHeadless.heldInternalTables(reopened).length);
        assertTrue(ShimHeadless.heldInternalTables(reopened)[0] != null);

        // layout: settings.xml, internal/, internalTables/
        assertTrue(Files.isRegularFile(dir.resolve("node/settings.xml")));
        assertTrue(Files.isRegularFile(dir.resolve("node/internal/note.txt")));
        assertTrue(Files.isDirectory(dir.resolve("node/internalTables")));
    }

    @Test
    void tablesAreTakenRightAfterExecuteNotAtSave(@TempDir final Path dir) throws Exception {
        HolderModel model = executedModel();
        model.m_held = new BufferedDataTable[0]; // changed after execute: KNIME does not see it
        HolderModel reopened = ShimNodePersistence.saveAndReopen(new HolderFactory(), model, dir);
        assertEquals(3, reopened.m_held.length);
    }

    @Test
    void unexecutedOrResetNodeKeepsOnlyItsSettings(@TempDir final Path dir) throws Exception {
        HolderModel fresh = new HolderFactory().createNodeModel();
        fresh.m_label.setStringValue("configured");
        HolderModel reopened = ShimNodePersistence.saveAndReopen(new HolderFactory(), fresh, dir.resolve("a"));
        assertEquals("configured", reopened.m_label.getStringValue());
        assertEquals(List.of("loadValidatedSettingsFrom"), reopened.m_calls);
        assertFalse(ShimHeadless.isExecuted(reopened));
        assertNull(reopened.m_held);

        HolderModel reset = executedModel();
        ShimHeadless.reset(reset);
        assertFalse(ShimHeadless.isExecuted(reset));
        HolderModel reopenedReset = ShimNodePersistence.saveAndReopen(new HolderFactory(), reset, dir.resolve("b"));
        assertEquals(List.of("loadValidatedSettingsFrom"), reopenedReset.m_calls);
        assertFalse(Files.exists(dir.resolve("b/internal")));
    }

    @Test
    void saveRefusesANonEmptyDirectory(@TempDir final Path dir) throws Exception {
        Files.writeString(dir.resolve("stale.txt"), "x");
        assertThrows(IOException.class, () -> ShimNodePersistence.save(executedModel(), dir));
    }

    /** A cell whose serializer is registered in code; its payload nests a cell. */
    public static final class PairCell extends DataCell implements StringValue {
        private static final long serialVersionUID = 1L;

        final String m_a;

        final DataCell m_b;

        PairCell(final String a, final DataCell b) {
            m_a = a;
            m_b = b;
        }

        @Override
        public String getStringValue() {
            return m_a + "/" + m_b;
        }

        @Override
        public String toString() {
            return getStringValue();
        }

        @Override
        protected boolean equalsDataCell(final DataCell dc) {
            return m_a.equals(((PairCell)dc).m_a) && m_b.equals(((PairCell)dc).m_b);
        }

        @Override
        public int hashCode() {
            return m_a.hashCode();
        }
    }

    @Test
    void tableIoUsesRegisteredSerializersWithNestedCellsAndChecksUnreadBytes(@TempDir final Path dir) throws Exception {
        List<String> used = new ArrayList<>();
        ShimCellSerializers.register(PairCell.class, new DataCellSerializer<PairCell>() {
            @Override
            public void serialize(final PairCell cell, final DataCellDataOutput out) throws IOException {
                used.add("serialize");
                out.writeUTF(cell.m_a);
                out.writeDataCell(cell.m_b);
            }

            @Override
            public PairCell deserialize(final DataCellDataInput in) throws IOException {
                used.add("deserialize");
                return new PairCell(in.readUTF(), in.readDataCell());
            }
        });
        try {
            DataTableSpec spec = new DataTableSpec("pairs",
                new DataColumnSpecCreator("pair", DataType.getType(PairCell.class)).createSpec());
            BufferedDataTable t = ShimHeadless.table(spec, new DefaultRow("p", new PairCell("x", new DoubleCell(2.5))));
            Path f = dir.resolve("t.bin");
            ShimTableIO.write(t, f);
            BufferedDataTable back = ShimTableIO.read(f, getClass().getClassLoader());
            assertEquals("pairs", back.getDataTableSpec().getName());
            assertEquals(contents(t), contents(back));
            assertEquals(List.of("serialize", "deserialize"), used);

            ShimCellSerializers.register(PairCell.class, new DataCellSerializer<PairCell>() {
                @Override
                public void serialize(final PairCell cell, final DataCellDataOutput out) throws IOException {
                    out.writeUTF(cell.m_a);
                    out.writeInt(42);
                }

                @Override
                public PairCell deserialize(final DataCellDataInput in) throws IOException {
                    return new PairCell(in.readUTF(), new IntCell(0)); // leaves the int unread
                }
            });
            ShimTableIO.write(t, f);
            IOException e = assertThrows(IOException.class, () -> ShimTableIO.read(f, getClass().getClassLoader()));
            assertTrue(e.getMessage().contains("unread"), e.getMessage());
        } finally {
            ShimCellSerializers.unregister(PairCell.class);
        }
    }

    /** A cell over two file stores (KNIME 3.7+), Java-serialized (no registered serializer). */
    static final class TwoStoreCell extends FileStoreCell {
        private static final long serialVersionUID = 1L;

        TwoStoreCell(final FileStore a, final FileStore b) {
            super(new FileStore[] {a, b});
        }

        @SuppressWarnings("deprecation")
        FileStore first() {
            return getFileStore();
        }

        FileStore[] stores() {
            return getFileStores();
        }
    }

    @Test
    void fileStoreCellsKeepSeveralStoresInOrderThroughTables(@TempDir final Path dir) throws Exception {
        ExecutionContext exec = ShimHeadless.executionContext();
        FileStore a = exec.createFileStore("a");
        FileStore b = exec.createFileStore("b");
        Files.writeString(a.getFile().toPath(), "a");
        Files.writeString(b.getFile().toPath(), "b");
        TwoStoreCell cell = new TwoStoreCell(a, b);
        assertArrayEquals(new FileStore[] {a, b}, cell.stores());
        cell.stores()[0] = null;
        assertEquals(a, cell.stores()[0], "a copy of the array");
        // KNIME's deprecated getFileStore asserts exactly one store (surefire runs with assertions on).
        assertThrows(AssertionError.class, cell::first);
        assertThrows(NullPointerException.class, () -> new TwoStoreCell(a, null));

        DataTableSpec spec = new DataTableSpec(
            new DataColumnSpecCreator("two", DataType.getType(TwoStoreCell.class)).createSpec());
        Path f = dir.resolve("t.bin");
        ShimTableIO.write(ShimHeadless.table(spec, new DefaultRow("r", cell)), f);
        TwoStoreCell back = (TwoStoreCell)rows(ShimTableIO.read(f, getClass().getClassLoader())).get(0).getCell(0);
        assertEquals(List.of(a.getFile(), b.getFile()), Arrays.stream(back.stores()).map(FileStore::getFile).toList());
        assertEquals(cell, back, "the same stores in the same order");
        assertTrue(!cell.equals(new TwoStoreCell(b, a)));
    }

    @Test
    void serializersAreFoundInPluginXmlLikeKnimesRegistry() throws Exception {
        assertTrue(ShimCellSerializers.find(NoteCell.class).orElseThrow() instanceof NoteCellSerializer);
        assertFalse(ShimCellSerializers.find(StringCell.class).isPresent(), "no serializer: Java serialization");
    }

    @Test
    void reopenedTablesKeepSpecNamesAndRowKeys(@TempDir final Path dir) throws Exception {
        HolderModel model = executedModel();
        HolderModel reopened = ShimNodePersistence.saveAndReopen(new HolderFactory(), model, dir);
        assertArrayEquals(new String[]{"r0", "r1"},
            rows(reopened.m_held[0]).stream().map(r -> r.getKey().getString()).toArray());
        assertEquals(model.m_held[0].getDataTableSpec().getName(), reopened.m_held[0].getDataTableSpec().getName());
    }
}
