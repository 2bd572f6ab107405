package org.mrisr.nodes.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.io.ModelFile;
import org.mrisr.engine.srgan.io.ModelInfo;


/**
 * Reads only a model file's {@code model.json} (no weights, no ND4J), so the SRGAN Model Reader can
 * give its spec at configure time. Full validation happens when the model is loaded.
 */
public final class ModelHeader {
    private ModelHeader() {
    }

    /** The spec a model file will give; errors name the file and what is wrong. */
    public static SrganModelPortObjectSpec spec(final Path file) throws InvalidSettingsException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingsException("Model file " + file + " does not exist (or is not a file): choose an mrisr"
                + " model file (written by the SRGAN Model Writer or ./mrisr train)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            ModelFile.Summary h = ModelFile.readSummary(in, file.toString());
            ModelInfo info = new ModelInfo(null, h.training(), 0, null, Double.NaN);
            return new SrganModelPortObjectSpec(h.generator().factor(), h.generator().method(),
                SrganModelPortObjectSpec.NORMALISATION, SrganModelPortObjectSpec.summary(info));
        } catch (InvalidInputException e) {
            throw new InvalidSettingsException("Model file " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidSettingsException("Model file " + file + " cannot be read as an mrisr model: " + e.getMessage(), e);
        }
    }
}
