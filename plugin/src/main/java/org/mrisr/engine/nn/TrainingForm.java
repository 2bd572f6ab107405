package org.mrisr.engine.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * What a network's forward and backward run instead of the layers it is built and named from: the same
 * layer objects and parameters, with a nearest ×2 upsampling and the 3³ convolution after it as one
 * {@link ResizeConvTraining}, a convolution and the pixel shuffle after it as one {@link SubPixelConvTraining}
 * (no stored pre-shuffle tensor), and convolutions with one input or output channel as {@link ThinConv3d}
 * (same functions within float32 rounding, much faster on the CPU). The built {@link Sequential} keeps
 * naming the parameters ({@link Layer#collect}); the returned one must not be asked for them.
 */
public final class TrainingForm {
    private TrainingForm() {
    }

    public static Sequential of(Sequential built) {
        List<Layer> layers = built.layers();
        List<Layer> run = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof NearestUpsample3d up && up.factor() == 2 && i + 1 < layers.size()
                    && layers.get(i + 1) instanceof Conv3d c && c.kernel() == 3 && c.stride() == 1) {
                run.add(new ResizeConvTraining(c));
                i++;
            } else if (l instanceof Conv3d c && i + 1 < layers.size() && layers.get(i + 1) instanceof PixelShuffle3d p) {
                run.add(new SubPixelConvTraining(c, p.factor()));
                i++;
            } else if (l instanceof Conv3d c && ThinConv3d.fits(c)) {
                run.add(new ThinConv3d(c));
            } else {
                run.add(l);
            }
        }
        return new Sequential(run);
    }
}
