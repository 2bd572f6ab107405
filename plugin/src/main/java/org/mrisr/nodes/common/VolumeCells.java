package org.mrisr.nodes.common;

import java.io.IOException;

import org.knime.core.data.filestore.FileStoreFactory;
import org.knime.core.node.ExecutionContext;
import org.mrisr.engine.volume.Volume;
import org.mrisr.nodes.cell.VolumeCell;

/** Makes volume cells in the executing node's file stores. */
public final class VolumeCells {
    private final FileStoreFactory factory;

    public VolumeCells(final ExecutionContext exec) {
        this.factory = FileStoreFactory.createWorkflowFileStoreFactory(exec);
    }

    public VolumeCell create(final Volume v) throws IOException {
        return VolumeCell.create(factory, v);
    }
}
