package org.mrisr.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Creation helpers that respect ND4J's default floating type (float32 normally, float64 in gradient checks). */
final class Arrays5 {
    private Arrays5() {
    }

    /** A detached array of the default float type holding {@code values} in C order. */
    static INDArray detached(float[] values, long... shape) {
        DataType t = Nd4j.defaultFloatingPointType();
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray a = Nd4j.create(values, shape, 'c');
            return t == DataType.FLOAT ? a : a.castTo(t);
        }
    }

    static INDArray detachedZeros(long... shape) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.zeros(Nd4j.defaultFloatingPointType(), shape);
        }
    }

    static INDArray detachedFilled(double v, long... shape) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.zeros(Nd4j.defaultFloatingPointType(), shape).assign(v);
        }
    }
}
