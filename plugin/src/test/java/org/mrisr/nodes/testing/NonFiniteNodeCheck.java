package org.mrisr.nodes.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.ShimHeadless;
import org.mrisr.engine.volume.NonFinite;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeValue;
import org.mrisr.nodes.common.NonFiniteVoxels;

/**
 * The nodes' non-finite voxel option, checked the same way for every node that reads volumes: a
 * volume with one NaN and one +Inf voxel (row key {@value #ROW}) gives finite outputs and a warning
 * naming the row (or the file) and the counts by default; "refuse" fails the node naming it and the counts;
 * settings saved before the option existed load with the default.
 */
public final class NonFiniteNodeCheck {
    public static final String ROW = "poisoned";
    public static final String COUNTS = "1 NaN and 1 +Inf voxel(s)";

    private NonFiniteNodeCheck() {
    }

    /** Runs a configured node on its inputs, returning the volumes it computed (none for a scorer). */
    @FunctionalInterface
    public interface Execution {
        List<Volume> run(NodeModel node) throws Exception;
    }

    /** The volumes of column {@code col} of {@code t} (missing cells left out). */
    public static List<Volume> column(final BufferedDataTable t, final int col) {
        List<Volume> v = new ArrayList<>();
        for (DataRow r : t) {
            if (!r.getCell(col).isMissing()) {
                v.add(((VolumeValue)r.getCell(col)).getVolume());
            }
        }
        return v;
    }

    /** {@code v} with a NaN at its centre and +Inf next to it (inside the brain of a ch2bet crop). */
    public static Volume poisoned(final Volume v) {
        float[] d = v.data().clone();
        d[d.length / 2] = Float.NaN;
        d[d.length / 2 + v.nx() + 1] = Float.POSITIVE_INFINITY;
        return v.withData(d);
    }

    /**
     * The three behaviours on {@code node} (its other settings already made); {@code run} executes it
     * on inputs whose row {@value #ROW} is poisoned. Every volume cell of the outputs must be finite.
     */
    public static void check(final NodeModel node, final Execution run) throws Exception {
        check(node, run, ROW + ": ", "Row " + ROW);
    }

    /**
     * As {@link #check(NodeModel, Execution)} for a node whose warning names the poisoned input by
     * {@code warned} (e.g. "row: " or a file's path and ": ") and whose refusal names it by {@code refused}.
     */
    public static void check(final NodeModel node, final Execution run, final String warned, final String refused)
        throws Exception {
        // settings from before the option: no key, default
        NodeSettings old = ShimHeadless.saveSettings(node);
        assertEquals(NonFiniteVoxels.ZERO, old.getString(NonFiniteVoxels.KEY));
        NodeSettingsRO without = NodeTestKit.withoutKey(old, NonFiniteVoxels.KEY);
        ShimHeadless.validateSettings(node, without);
        ShimHeadless.loadSettings(node, without);
        assertEquals(NonFiniteVoxels.ZERO, ShimHeadless.saveSettings(node).getString(NonFiniteVoxels.KEY));

        for (Volume v : run.run(node)) {
            assertEquals(0, NonFinite.count(v.data()).total());
        }
        String w = ShimHeadless.warningMessage(node);
        assertNotNull(w, "no warning");
        assertTrue(w.contains(warned) && w.contains(COUNTS) && w.contains("treated as background (0)"), w);

        NodeTestKit.configureSettings(node, s -> s.addString(NonFiniteVoxels.KEY, NonFiniteVoxels.REFUSE));
        Exception e = assertThrows(Exception.class, () -> run.run(node));
        assertTrue(e.getMessage().contains(refused) && e.getMessage().contains(COUNTS), e.getMessage());

        // refused when the settings are applied, or at the latest when the node configures
        Exception bad = assertThrows(Exception.class, () -> {
            NodeTestKit.configureSettings(node, s -> s.addString(NonFiniteVoxels.KEY, "sometimes"));
            run.run(node);
        });
        assertTrue(bad.getMessage().contains("Non-finite voxels"), bad.getMessage());
        NodeTestKit.configureSettings(node, s -> s.addString(NonFiniteVoxels.KEY, NonFiniteVoxels.ZERO));
    }

}
