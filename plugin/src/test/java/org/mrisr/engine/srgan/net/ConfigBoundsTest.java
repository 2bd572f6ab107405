package org.mrisr.engine.srgan.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.nn.Param;

/**
 * The sizes configurations compute before anything is allocated equal what the networks then
 * allocate, and the bounds admit every architecture mrisr trains or ships.
 */
class ConfigBoundsTest {

    private static long stored(Generator g) {
        return g.params().stream().mapToLong(p -> p.value().length()).sum();
    }

    @Test
    void generatorCountsEqualTheBuiltNetwork() {
        for (int factor : new int[] {2, 4, 8}) {
            for (UpsamplingMethod m : UpsamplingMethod.values()) {
                for (int[] size : new int[][] {{4, 0, 8}, {3, 2, 16}}) {
                    GeneratorConfig c = new GeneratorConfig(factor, m, size[0], size[1], size[2], 0.25, true, 0.02, false);
                    Generator g = new Generator(c, 1);
                    String what = m + " x" + factor + " " + c;
                    assertEquals(g.parameterCount(), c.parameterCount(), what);
                    assertEquals(stored(g), c.storedValueCount(), what);
                }
            }
        }
    }

    @Test
    void discriminatorCountsEqualTheBuiltNetwork() {
        for (DiscriminatorConfig c : new DiscriminatorConfig[] {
            new DiscriminatorConfig(32, 32, 32, new int[] {4, 4}, 8, 0.3, 0.02),
            new DiscriminatorConfig(33, 40, 48, new int[] {2, 3, 4, 5, 6}, 7, 0.3, 0.02)}) {
            Discriminator d = new Discriminator(c, 1);
            assertEquals(d.parameterCount(), c.parameterCount(), c.toString());
            assertEquals(d.params().stream().mapToLong(p -> p.value().length()).sum(), c.storedValueCount());
            assertTrue(d.params().stream().map(Param::name).anyMatch(n -> n.endsWith("mean")), "BN statistics are stored");
        }
    }

    @Test
    void everyArchitectureMrisrTrainsFitsTheBounds() {
        for (int factor : new int[] {2, 4, 8}) {
            for (UpsamplingMethod m : UpsamplingMethod.values()) {
                GeneratorConfig c = GeneratorConfig.paper(factor, m);
                assertTrue(c.storedValueCount() < GeneratorConfig.MAX_VALUES / 8, c.toString());
            }
        }
        assertEquals(4096, GeneratorConfig.paper(4, UpsamplingMethod.SUBPIXEL_NN).activationPerLrVoxel());
        assertEquals(4096, GeneratorConfig.paper(4, UpsamplingMethod.RESIZE_CONV).activationPerLrVoxel());
        // the paper's discriminator at the paper's patch: 104.2 M values, 100.7 M of them in the dense layer
        DiscriminatorConfig paper = DiscriminatorConfig.paper(128, 128, 92);
        long dense = 256L * 8 * 8 * 6 * 1024;
        long convs = 27L * (32 + 32 * 32 + 32 * 64 + 64 * 64 + 64 * 128 + 128 * 128 + 128 * 256 + 256 * 256);
        assertEquals(dense + convs, paper.storedValueCount(), 20_000, "plus biases and BN");
        assertTrue(paper.storedValueCount() < DiscriminatorConfig.MAX_VALUES / 2);
    }

    @Test
    void eachBoundRefusesOneMoreAndNamesTheField() {
        assertField("generator.filters", () -> new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL_NN,
                GeneratorConfig.MAX_FILTERS + 1, 6, 64, 0.25, true, 0.02, false));
        assertField("generator.residualBlocks", () -> new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL_NN, 32,
                GeneratorConfig.MAX_BLOCKS + 1, 64, 0.25, true, 0.02, false));
        assertField("generator.upsamplingFilters", () -> new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL_NN, 32, 6,
                GeneratorConfig.MAX_UP_FILTERS + 1, 0.25, true, 0.02, false));
        assertField("generator.upsamplingFilters", () -> new GeneratorConfig(2, UpsamplingMethod.SUBPIXEL, 32, 6, 60,
                0.25, true, 0.02, false));
        assertField("generator", () -> new GeneratorConfig(4, UpsamplingMethod.SUBPIXEL_NN, 32, 6, 1024, 0.25, true,
                0.02, false));
        assertField("discriminator.patchY", () -> DiscriminatorConfig.paper(64, DiscriminatorConfig.MAX_PATCH + 1, 64));
        assertField("discriminator.patchY", () -> DiscriminatorConfig.paper(64, 31, 64));
        assertField("discriminator.widths", () -> new DiscriminatorConfig(32, 32, 32,
                new int[DiscriminatorConfig.MAX_CONVS + 1], 8, 0.3, 0.02));
        assertField("discriminator.widths[0]", () -> new DiscriminatorConfig(32, 32, 32,
                new int[] {DiscriminatorConfig.MAX_WIDTH + 1}, 8, 0.3, 0.02));
        assertField("discriminator", () -> DiscriminatorConfig.paper(256, 256, 256));
        // the largest everything-at-its-bound generator is refused by its total, not built
        assertField("generator", () -> new GeneratorConfig(8, UpsamplingMethod.RESIZE_CONV, GeneratorConfig.MAX_FILTERS,
                GeneratorConfig.MAX_BLOCKS, GeneratorConfig.MAX_UP_FILTERS, 0.25, true, 0.02, false));
    }

    private static void assertField(String field, Runnable r) {
        InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
        assertEquals(field, e.source(), e.getMessage());
    }
}
