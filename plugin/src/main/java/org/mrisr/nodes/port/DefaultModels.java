package org.mrisr.nodes.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.knime.core.node.InvalidSettingsException;
import org.mrisr.engine.srgan.SrModel;

/** The models shipped inside the bundle, {@code /models/srgan-x<r>.zip} (same resources the CLI uses). */
public final class DefaultModels {
    private DefaultModels() {
    }

    static String resource(final int factor) {
        return "/models/srgan-x" + factor + ".zip";
    }

    public static boolean available(final int factor) {
        return DefaultModels.class.getResource(resource(factor)) != null;
    }

    /** The error configure and execute give when no model is connected and none is shipped. */
    public static InvalidSettingsException missing(final int factor) {
        return new InvalidSettingsException("no default model shipped for x" + factor
            + "; connect an SRGAN model (SRGAN Learner or SRGAN Model Reader) to the model port");
    }

    /** Loads the shipped model for this factor. */
    public static SrModel load(final int factor) throws IOException, InvalidSettingsException {
        try (InputStream in = DefaultModels.class.getResourceAsStream(resource(factor))) {
            if (in == null) {
                throw missing(factor);
            }
            Path tmp = Files.createTempFile("mrisr-default-x" + factor, ".zip");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                SrganBackend.init();
                return SrModel.load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
