package org.mrisr.nodes.learner;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;

/** The learner's second output: one row per training step, from its {@link TrainingHistory}. */
final class HistoryTable {
    private HistoryTable() {
    }

    static DataTableSpec spec() {
        return new DataTableSpec(new DataColumnSpecCreator("Step", LongCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Epoch", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Pretraining", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("D loss", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("G adversarial", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("G MSE", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("G GDL", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("G loss", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Learning rate G", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Learning rate D", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Seconds", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("Validation MSE", DoubleCell.TYPE).createSpec());
    }

    static BufferedDataTable of(final TrainingHistory history, final ExecutionContext exec) {
        BufferedDataContainer out = exec.createDataContainer(spec());
        for (TrainingHistory.Entry e : history.snapshot()) {
            out.addRowToTable(new DefaultRow("Step" + e.step(), new LongCell(e.step()), new IntCell(e.epoch()),
                new IntCell(e.pretraining() ? 1 : 0), num(e.dLoss()), num(e.adversarial()), num(e.mse()), num(e.gdl()),
                num(e.gLoss()), num(e.lrG()), num(e.lrD()), num(e.seconds()), num(e.validationMse())));
        }
        out.close();
        return out.getTable();
    }

    /** NaN (no D loss while pretraining, no validation) becomes a missing cell. */
    private static DataCell num(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }
}
