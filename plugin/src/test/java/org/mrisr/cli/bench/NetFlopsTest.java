package org.mrisr.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;

/** FLOP counts against hand counts (MACs of a 3³ conv: out-voxels × in × out × 27; FLOPs = 2 × MACs). */
class NetFlopsTest {
    /** 2 trunk filters, 1 residual block, 8 upsampling filters, ×2, on a 2×2×2 LR input (8 voxels, 64 out). */
    private static GeneratorConfig tiny(UpsamplingMethod m) {
        return new GeneratorConfig(2, m, 2, 1, 8, 0.25, true, 0.02, true);
    }

    // head 1→2 at 8 voxels: 8·1·2·27 = 432; trunk 3 convs 2→2: 3·8·2·2·27 = 2592
    private static final double HEAD_TRUNK = 432 + 2592;

    @Test
    void resizeConvByHand() {
        // up conv 2→8 at 8: 3456; conv 8→8 at 64: 110592; final 8→1 at 64: 13824
        assertEquals(2 * (HEAD_TRUNK + 3456 + 110592 + 13824), NetFlops.generator(tiny(UpsamplingMethod.RESIZE_CONV), 2, 2, 2));
    }

    @Test
    void subpixelByHand() {
        // up conv 2→8 at 8: 3456, shuffle to 1 channel; final 1→1 at 64: 1728
        assertEquals(2 * (HEAD_TRUNK + 3456 + 1728), NetFlops.generator(tiny(UpsamplingMethod.SUBPIXEL), 2, 2, 2));
    }

    @Test
    void subpixelNnByHand() {
        // up conv 2→64 at 8: 27648, shuffle to 8 channels; final 8→1 at 64: 13824
        assertEquals(2 * (HEAD_TRUNK + 27648 + 13824), NetFlops.generator(tiny(UpsamplingMethod.SUBPIXEL_NN), 2, 2, 2));
    }

    @Test
    void paperResizeConvAt64IsAbout689Gflop() {
        // per LR voxel: 864 + 13·32·32·27 + 32·64·27 + 8·64·64·27 + 8·64·27 = 1,314,144 MACs
        assertEquals(2.0 * 1_314_144 * 64 * 64 * 64,
                NetFlops.generator(GeneratorConfig.paper(2, UpsamplingMethod.RESIZE_CONV), 64, 64, 64));
    }

    @Test
    void discriminatorByHand() {
        DiscriminatorConfig d = new DiscriminatorConfig(32, 32, 32, new int[] {2, 4}, 3, 0.3, 0.02);
        // conv 1→2 stride 1 at 32³: 32768·2·27 = 1,769,472; conv 2→4 stride 2 at 16³: 4096·8·27 = 884,736;
        // dense 4·16³ = 16384 → 3: 49,152; dense 3 → 1: 3
        double d1 = 2.0 * (1_769_472 + 884_736 + 49_152 + 3);
        assertEquals(d1, NetFlops.discriminator(d));
        GeneratorConfig g = tiny(UpsamplingMethod.SUBPIXEL);
        // batch 2, G once and D three times, each 3 × forward
        assertEquals(3.0 * 2 * (2 * (HEAD_TRUNK + 3456 + 1728) + 3 * d1), NetFlops.ganStep(g, d, 2, 2, 2, 2));
    }
}
