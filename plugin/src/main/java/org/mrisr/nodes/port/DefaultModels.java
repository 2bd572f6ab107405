package org.mrisr.nodes.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.knime.core.node.InvalidSettingsException;
import org.mrisr.engine.srgan.ShippedModels;
import org.mrisr.engine.srgan.SrModel;

/** The models shipped inside the bundle, {@code /models/srgan-x<r>.zip} (same resources the CLI uses). */
public final class DefaultModels {
    private DefaultModels() {
    }

    public static boolean available(final int factor) {
        return ShippedModels.available(factor);
    }

    /** The error configure and execute give when no model is connected and none is shipped. */
    public static InvalidSettingsException missing(final int factor) {
        return new InvalidSettingsException("no default model shipped for x" + factor
            + "; connect an SRGAN model (SRGAN Learner or SRGAN Model Reader) to the model port");
    }

    /** Loads the shipped model for this factor. */
    public static SrModel load(final int factor) throws InvalidSettingsException {
        SrganBackend.init();
        return ShippedModels.load(factor).orElseThrow(() -> missing(factor));
    }
}
