package org.mrisr.engine.srgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.net.Generator;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class WarmStartTest {
    private static final GeneratorConfig C = new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL, 4, 1, 8, 0.25, true, 0.02, false);

    @Test
    void copiedGeneratorComputesTheSameFunction() {
        Generator from = new Generator(C, 1);
        Generator to = new Generator(C, 2);
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 1, 4, 4, 4);
        assertNotEquals(from.forward(x, false).dup(), to.forward(x, false).dup());
        WarmStart.copyGenerator(from, to, "m.zip");
        assertEquals(from.forward(x, false).dup(), to.forward(x, false).dup());
    }

    @Test
    void architectureMismatchIsNamed() {
        Generator from = new Generator(C, 1);
        Generator to = new Generator(C.withInputSkip(true), 1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> WarmStart.copyGenerator(from, to, "m.zip"));
        assertEquals("m.zip", e.source());
    }
}
