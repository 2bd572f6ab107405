package org.mrisr.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;

class BlockSplitTest {
    @Test
    void boxesTileTheGridExactlyOnce() {
        int[] shape = {23, 17, 10};
        List<int[]> boxes = BlockSplit.boxes(shape, new int[] {3, 2, 1}, 4);
        assertEquals(6, boxes.size());
        int[] hits = new int[23 * 17 * 10];
        for (int[] b : boxes) {
            for (int z = b[2]; z < b[2] + b[5]; z++) {
                for (int y = b[1]; y < b[1] + b[4]; y++) {
                    for (int x = b[0]; x < b[0] + b[3]; x++) {
                        hits[x + 23 * (y + 17 * z)]++;
                    }
                }
            }
        }
        for (int h : hits) {
            assertEquals(1, h);
        }
    }

    @Test
    void refusesBlocksSmallerThanTheMinimum() {
        assertThrows(InvalidInputException.class, () -> BlockSplit.boxes(new int[] {20, 20, 20}, new int[] {3, 1, 1}, 8));
    }
}
