package org.mrisr.nodes.predictor;

import java.io.IOException;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.nodes.common.VolumeAppendingNodeModel;
import org.mrisr.nodes.common.VolumeColumns;
import org.mrisr.nodes.port.DefaultModels;
import org.mrisr.nodes.port.SrganBackend;
import org.mrisr.nodes.port.SrganModelPortObject;
import org.mrisr.nodes.port.SrganModelPortObjectSpec;

/**
 * Super-resolves each LR volume with an SRGAN model (engine {@link SrModel#predict}: whole-volume
 * normalisation, overlapping windows, blending) and appends the SR volume. Without a connected
 * model the model shipped for the chosen factor is used. A row the engine refuses gets a missing
 * cell and a warning; input warnings are collected into the node warning ({@link Prediction}).
 */
final class SrPredictorNodeModel extends VolumeAppendingNodeModel<SrPredictorSettings> {
    /** Where the model comes from when none is connected: the shipped ones ({@link DefaultModels}). */
    interface DefaultModelSource {
        boolean available(int factor);

        SrModel load(int factor) throws IOException, InvalidSettingsException;

        DefaultModelSource SHIPPED = new DefaultModelSource() {
            @Override
            public boolean available(final int factor) {
                return DefaultModels.available(factor);
            }

            @Override
            public SrModel load(final int factor) throws IOException, InvalidSettingsException {
                return DefaultModels.load(factor);
            }
        };
    }

    private final DefaultModelSource defaults;

    SrPredictorNodeModel() {
        this(DefaultModelSource.SHIPPED);
    }

    SrPredictorNodeModel(final DefaultModelSource defaults) {
        this(new SrPredictorSettings(), defaults);
    }

    private SrPredictorNodeModel(final SrPredictorSettings s, final DefaultModelSource defaults) {
        super(new PortType[] {SrganModelPortObject.TYPE_OPTIONAL, BufferedDataTable.TYPE}, s, s.lrColumn,
            "LR volume column", s.outColumn, s.nonFinite);
        this.defaults = defaults;
    }

    @Override
    protected void checkInputs(final PortObjectSpec[] in, final DataTableSpec table) throws InvalidSettingsException {
        if (!settings().hrColumn.getStringValue().isBlank()) {
            VolumeColumns.volumeColumn(table, settings().hrColumn.getStringValue(), "HR column (view)");
        }
        int factor = settings().factor.getIntValue();
        if (!(in[0] instanceof SrganModelPortObjectSpec) && !defaults.available(factor)) {
            throw DefaultModels.missing(factor);
        }
    }

    @Override
    protected RowJob prepare(final PortObject[] in, final BufferedDataTable table) throws Exception {
        PredictOptions options = settings().options();
        String backendWarning = SrganBackend.init();
        SrModel model = in[0] != null ? ((SrganModelPortObject)in[0]).model()
            : defaults.load(settings().factor.getIntValue());
        return new Prediction(model, options, memoryBound(), backendWarning, settings().inputContrast());
    }

    /**
     * Bytes a prediction may add: the node's "Memory bound in MiB" when set, else the mrisr preference
     * "Memory bound of one SR prediction" (the nodes' --max-memory), else 0 (the window option decides).
     */
    long memoryBound() {
        int mib = settings().memoryMiB.getIntValue();
        return mib > 0 ? mib * (1L << 20) : SrganBackend.preferences().predictMemoryBytes();
    }
}
