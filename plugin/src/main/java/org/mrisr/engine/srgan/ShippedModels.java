package org.mrisr.engine.srgan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The models shipped inside the bundle, resources {@code /models/srgan-x<r>.zip} (see
 * docs/quality.md for how they were trained). Read straight from the bundle as streams; the CLI and
 * the nodes both take them from here.
 */
public final class ShippedModels {
    private ShippedModels() {
    }

    /** Resource path of the model shipped for factor r. */
    public static String resource(int factor) {
        return "/models/srgan-x" + factor + ".zip";
    }

    public static boolean available(int factor) {
        return ShippedModels.class.getResource(resource(factor)) != null;
    }

    /** The shipped model for this factor, or empty when none is shipped. Needs ND4J initialised. */
    public static Optional<SrModel> load(int factor) {
        try (InputStream in = ShippedModels.class.getResourceAsStream(resource(factor))) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(SrModel.read(in, "shipped model x" + factor));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped model x" + factor, e);
        }
    }
}
