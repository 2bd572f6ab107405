package org.mrisr.engine.srgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;

/** The prediction memory estimate: monotone in the window; a bound picks the largest window that fits. */
class PredictMemoryTest {
    static final GeneratorConfig X2 = GeneratorConfig.paper(2, UpsamplingMethod.SUBPIXEL).withInputSkip(true);
    static final int[] SHAPE = {112, 112, 76};

    @Test
    void smallerWindowsNeverCostMore() {
        for (UpsamplingMethod m : UpsamplingMethod.values()) {
            for (int factor : new int[] {2, 4}) {
                GeneratorConfig g = GeneratorConfig.paper(factor, m);
                long previous = Long.MAX_VALUE;
                for (int w : PredictMemory.WINDOWS) {
                    long e = PredictMemory.estimate(SHAPE, w, g);
                    assertTrue(e <= previous, m + " x" + factor + " window " + w);
                    previous = e;
                }
            }
        }
        // a window larger than the volume costs what the whole volume costs
        assertEquals(PredictMemory.estimate(new int[] {20, 20, 20}, 32, X2), PredictMemory.estimate(new int[] {20, 20, 20},
                96, X2));
    }

    @Test
    void theBoundPicksTheLargestWindowThatFits() throws Exception {
        long at32 = PredictMemory.estimate(SHAPE, 32, X2);
        assertEquals(32, PredictMemory.window(at32, SHAPE, X2, true));
        assertEquals(24, PredictMemory.window(at32 - 1, SHAPE, X2, true));
        assertEquals(96, PredictMemory.window(64L << 30, SHAPE, X2, true));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PredictMemory.window(100L << 20, SHAPE, X2, true));
        assertEquals("memory bound", e.source());
        // within a JVM that runs anyway (KNIME) only the prediction's share counts
        assertEquals(16, PredictMemory.window(PredictMemory.share(SHAPE, 16, X2), SHAPE, X2, false));
        assertEquals(PredictMemory.BASE + PredictMemory.share(SHAPE, 48, X2), PredictMemory.estimate(SHAPE, 48, X2));
    }
}
