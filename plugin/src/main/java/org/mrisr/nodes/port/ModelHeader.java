package org.mrisr.nodes.port;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.knime.core.node.InvalidSettingsException;
import org.mrisr.engine.srgan.ModelFile;
import org.mrisr.engine.srgan.UpsamplingMethod;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

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
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("model.json")) {
                    JsonObject h = new JsonParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
                    if (!h.has("format") || !ModelFile.FORMAT.equals(h.get("format").getAsString())) {
                        throw new InvalidSettingsException("Model file " + file + " is not an mrisr SRGAN model (format "
                            + (h.has("format") ? "'" + h.get("format").getAsString() + "'" : "missing") + ")");
                    }
                    int factor = h.get("factor").getAsInt();
                    UpsamplingMethod m = UpsamplingMethod.parse(h.get("upsampling").getAsString());
                    org.mrisr.engine.srgan.ModelInfo info = new org.mrisr.engine.srgan.ModelInfo(null,
                        h.has("training") && h.get("training").isJsonObject() ? h.getAsJsonObject("training") : null, 0, null,
                        Double.NaN);
                    return new SrganModelPortObjectSpec(factor, m, SrganModelPortObjectSpec.NORMALISATION,
                        SrganModelPortObjectSpec.summary(info));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidSettingsException("Model file " + file + " cannot be read as an mrisr model: " + e.getMessage(), e);
        }
        throw new InvalidSettingsException("Model file " + file + " has no model.json: not an mrisr model");
    }
}
