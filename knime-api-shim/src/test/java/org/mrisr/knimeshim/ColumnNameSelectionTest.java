package org.mrisr.knimeshim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.ShimHeadless;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnName;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

/**
 * DialogComponentColumnNameSelection as KNIME's (ColumnSelectionPanel.update): on loading, the list is
 * rebuilt from the spec and the model takes what it selects.
 */
class ColumnNameSelectionTest {
    private static final DataTableSpec SPEC = new DataTableSpec(
        new DataColumnSpecCreator("a", DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator("<none>", DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator("name", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("b", IntCell.TYPE).createSpec());

    /** Opens a dialog with one column selection on the stored value and presses OK: what is saved. */
    private static NodeSettings ok(final DialogComponentColumnNameSelection c, final String stored,
        final PortObjectSpec spec) throws Exception {
        DefaultNodeSettingsPane pane = new DefaultNodeSettingsPane();
        pane.addDialogComponent(c);
        NodeSettings in = new NodeSettings("model");
        c.getModel().saveSettingsTo(in);
        in.addString("column", stored);
        ShimHeadless.loadDialog(pane, in, spec);
        NodeSettings out = new NodeSettings("model");
        ShimHeadless.saveDialog(pane, out);
        return out;
    }

    private static DialogComponentColumnNameSelection plain() {
        return new DialogComponentColumnNameSelection(new SettingsModelString("column", null), "Column", 0,
            false, DoubleValue.class);
    }

    private static DialogComponentColumnNameSelection withNone() {
        return new DialogComponentColumnNameSelection(new SettingsModelString("column", null), "Column", 0,
            false, true, DoubleValue.class);
    }

    @Test
    void withoutANoneChoiceAnUnsetOrAbsentColumnBecomesTheLastCompatibleOne() throws Exception {
        for (String stored : new String[] {null, "", "gone", "name"}) {
            assertEquals("b", ok(plain(), stored, SPEC).getString("column"), "stored " + stored);
        }
        assertEquals("a", ok(plain(), "a", SPEC).getString("column"), "a listed column stays");
    }

    @Test
    void withANoneChoiceAnUnsetColumnStaysUnset() throws Exception {
        assertNull(ok(withNone(), null, SPEC).getString("column"));
        assertNull(ok(withNone(), "", SPEC).getString("column"), "empty is unset: <none> stores null");
        assertNull(ok(withNone(), "gone", SPEC).getString("column"));
        assertEquals("a", ok(withNone(), "a", SPEC).getString("column"));
        // The none entry is named apart from a column called "<none>", which stays selectable.
        assertEquals("<none>", ok(withNone(), "<none>", SPEC).getString("column"));
        DialogComponentColumnNameSelection c = withNone();
        ok(c, null, SPEC);
        assertNull(c.getSelected());
    }

    @Test
    void theListFollowsTheModel() throws Exception {
        DialogComponentColumnNameSelection c = withNone();
        ok(c, "a", SPEC);
        SettingsModelString model = (SettingsModelString)c.getModel();
        model.setStringValue("b");
        assertEquals("b", c.getSelected());
        model.setStringValue(null);
        assertNull(c.getSelected());
    }

    @Test
    void aColumnNameModelAlsoOffersTheRowId() throws Exception {
        SettingsModelColumnName model = new SettingsModelColumnName("column", null);
        DialogComponentColumnNameSelection c =
            new DialogComponentColumnNameSelection(model, "Column", 0, false, DoubleValue.class);
        DefaultNodeSettingsPane pane = new DefaultNodeSettingsPane();
        pane.addDialogComponent(c);
        NodeSettings in = new NodeSettings("model");
        model.setSelection(null, true);
        model.saveSettingsTo(in);
        ShimHeadless.loadDialog(pane, in, SPEC);
        assertTrue(model.useRowID());
        assertNull(c.getSelected());
        model.setSelection("a", false);
        assertEquals("a", c.getSelected());
        assertFalse(model.useRowID());
    }

    @Test
    void requiredSelectionsNeedACompatibleColumnOptionalOnesNoSpec() throws Exception {
        DataTableSpec strings = new DataTableSpec(new DataColumnSpecCreator("s", StringCell.TYPE).createSpec());
        DialogComponentColumnNameSelection required = new DialogComponentColumnNameSelection(
            new SettingsModelString("column", "a"), "Column", 0, DoubleValue.class);
        NotConfigurableException e = assertThrows(NotConfigurableException.class, () -> ok(required, "a", strings));
        assertEquals("No column in spec compatible to \"DoubleValue\".", e.getMessage());
        assertThrows(NotConfigurableException.class, () -> ok(required, "a", null));
        assertNull(ok(withNone(), "a", null).getString("column"), "unconnected optional input: only <none>");
        assertNull(ok(plain(), null, strings).getString("column"), "nothing to select");
        assertThrows(NullPointerException.class,
            () -> new DialogComponentColumnNameSelection(new SettingsModelString("c", null), "C", 0));
    }
}
