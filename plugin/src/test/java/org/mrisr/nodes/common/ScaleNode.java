package org.mrisr.nodes.common;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.common.VolumeAppendingNodeModel.RowJob;

/**
 * A tiny node on {@link VolumeAppendingNodeModel}, for testing the base: appends each volume times a
 * factor. Its "engine" reports half-way progress, then polls cancel like {@code SrModel.predict}, refuses
 * a volume without a positive voxel (bad input) or starting with -2, and fails on a volume starting with
 * -1 (a bug).
 */
final class ScaleNode {
    private ScaleNode() {
    }

    static final class Settings extends NodeSettingsGroup {
        final SettingsModelString column = new SettingsModelString("column", "");
        final SettingsModelString out = new SettingsModelString("out", "Scaled");
        final SettingsModelDouble factor = new SettingsModelDouble("factor", 2.0);
        final SettingsModelString nonFinite = NonFiniteVoxels.model();

        @Override
        protected List<SettingsModel> models() {
            return List.of(column, out, factor, nonFinite);
        }

        @Override
        protected Map<SettingsModel, String> addedLater() {
            return Map.of(nonFinite, NonFiniteVoxels.KEY);
        }

        @Override
        protected void check() throws InvalidSettingsException {
            if (out.getStringValue().isBlank()) {
                throw new InvalidSettingsException("Output column name is empty");
            }
        }

        @Override
        protected NodeSettingsGroup fresh() {
            return new Settings();
        }
    }

    static final class Model extends VolumeAppendingNodeModel<Settings> {
        Model() {
            this(new Settings());
        }

        private Model(final Settings s) {
            super(s, s.column, "Input column", s.out, s.nonFinite);
        }

        @Override
        protected RowJob prepare(final PortObject[] in, final BufferedDataTable table) {
            return new Job((float)settings().factor.getDoubleValue());
        }
    }

    /**
     * Like the SR Predictor's job, it refuses more than bad input: an IllegalStateException too (a
     * stand-in for "this volume is too large"). CancellationException is one as well, and must still cancel.
     */
    private static final class Job implements RowJob {
        private final float factor;

        Job(final float factor) {
            this.factor = factor;
        }

        @Override
        public Volume apply(final Volume v, final RowContext row) {
            row.progress(0.5);
            if (row.cancelled()) {
                throw new CancellationException("stopped");
            }
            float[] d = v.data().clone();
            if (d[0] == -1) {
                throw new ArithmeticException("bug in the engine");
            }
            if (d[0] == -2) {
                throw new IllegalStateException("too large");
            }
            if (v.minMax()[1] <= 0) {
                throw new InvalidInputException("input", "no positive voxel");
            }
            for (int i = 0; i < d.length; i++) {
                d[i] *= factor;
            }
            return v.withData(d);
        }

        @Override
        public boolean refusesRow(final Throwable failure) {
            return failure instanceof InvalidInputException || failure instanceof IllegalStateException;
        }
    }

    static final class Factory extends NodeFactory<Model> {
        @Override
        public Model createNodeModel() {
            return new Model();
        }

        @Override
        protected int getNrNodeViews() {
            return 0;
        }

        @Override
        public NodeView<Model> createNodeView(final int viewIndex, final Model model) {
            throw new IndexOutOfBoundsException(viewIndex);
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
}
