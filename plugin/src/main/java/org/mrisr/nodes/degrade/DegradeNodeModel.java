package org.mrisr.nodes.degrade;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObject;
import org.mrisr.engine.ops.Degrader;
import org.mrisr.nodes.common.VolumeAppendingNodeModel;

/**
 * Simulates low-resolution acquisitions (engine {@link Degrader}): blur, downsample, optional Rician
 * noise; appends the LR volume column. The noise seed of row i is seed + i.
 */
final class DegradeNodeModel extends VolumeAppendingNodeModel<DegradeSettings> {
    DegradeNodeModel() {
        this(new DegradeSettings());
    }

    private DegradeNodeModel(final DegradeSettings s) {
        super(s, s.column, "HR volume column", s.outColumn, s.nonFinite);
    }

    @Override
    protected RowJob prepare(final PortObject[] in, final BufferedDataTable table) {
        return (hr, row) -> settings().degrader(row.index()).apply(hr);
    }
}
