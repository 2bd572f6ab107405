package org.mrisr.engine.srgan.net;

import java.util.Locale;

import org.mrisr.engine.InvalidInputException;

/** The three upsampling blocks of the paper; one block per factor 2. */
public enum UpsamplingMethod {
    /** Conv → LeakyReLU → nearest-neighbour ×2 → Conv → LeakyReLU. */
    RESIZE_CONV,
    /** Conv to 8·C' → LeakyReLU → 3D periodic shuffle (64 channels become 8). */
    SUBPIXEL,
    /**
     * Stride-2 transposed 6³ convolution with nearest-neighbour-upsampled initial kernel, computed
     * in its equivalent fast form: bias-free conv 3³ to 8·C' channels, 3D periodic shuffle,
     * per-channel bias, LeakyReLU; initialised ICNR (all eight phases share one 3³ kernel).
     */
    SUBPIXEL_NN;

    /** Parses "resize-conv", "subpixel", "subpixel-nn" (case-insensitive, '-' or '_'). */
    public static UpsamplingMethod parse(String s) {
        String n = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (n.equals("SUBPIXELNN") || n.equals("SUB_PIXEL_NN")) {
            return SUBPIXEL_NN;
        }
        if (n.equals("RESIZE") || n.equals("RESIZECONV")) {
            return RESIZE_CONV;
        }
        if (n.equals("SUB_PIXEL")) {
            return SUBPIXEL;
        }
        try {
            return valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("upsampling method",
                    "unknown method '" + s + "'; use resize-conv, subpixel or subpixel-nn");
        }
    }

    /** The external spelling: resize-conv, subpixel, subpixel-nn. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
