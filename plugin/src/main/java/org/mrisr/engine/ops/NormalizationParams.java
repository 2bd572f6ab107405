package org.mrisr.engine.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.mrisr.engine.InvalidInputException;

/**
 * The intensity normalisation fitted on one low-resolution volume: {@code y = (x − offset)/scale}
 * and back {@code x = y·scale + offset}. Also records how it was fitted ({@code method}, and the
 * percentiles for the percentile method) so that a model can fit the same normalisation on a new
 * input. Saved as a small JSON object, e.g.
 * {@code {"method":"half-max","offset":66.5,"scale":66.5}}.
 *
 * @param method         {@link Normalizer#HALF_MAX}, {@link Normalizer#ROBUST_MAX}, {@link Normalizer#MIN_MAX} or
 *                       {@link Normalizer#PERCENTILE}
 * @param lowPercentile  lower percentile (0..100) for the percentile method, else NaN
 * @param highPercentile upper percentile (0..100) for the percentile and robust-max methods, else NaN
 * @param offset         intensity mapped to 0
 * @param scale          intensity distance mapped to 1 (&gt; 0)
 */
public record NormalizationParams(String method, double lowPercentile, double highPercentile, double offset,
        double scale) {

    public NormalizationParams {
        if (!Normalizer.HALF_MAX.equals(method) && !Normalizer.ROBUST_MAX.equals(method)
                && !Normalizer.MIN_MAX.equals(method) && !Normalizer.PERCENTILE.equals(method)) {
            throw new InvalidInputException("normalisation", "unknown method '" + method + "' (use "
                    + Normalizer.ROBUST_MAX + ", " + Normalizer.HALF_MAX + ", " + Normalizer.MIN_MAX + " or "
                    + Normalizer.PERCENTILE + ")");
        }
        if (!Double.isFinite(offset) || !(scale > 0) || Double.isInfinite(scale)) {
            throw new InvalidInputException("normalisation", "offset must be finite and scale finite and > 0, got offset "
                    + offset + ", scale " + scale);
        }
    }

    /** Normalised value of an intensity. */
    public double forward(double x) {
        return (x - offset) / scale;
    }

    /** Intensity of a normalised value. */
    public double inverse(double y) {
        return y * scale + offset;
    }

    /** One JSON object; percentiles are omitted when not used. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("method", method);
        if (Normalizer.PERCENTILE.equals(method)) {
            o.addProperty("lowPercentile", lowPercentile);
        }
        if (Normalizer.PERCENTILE.equals(method) || Normalizer.ROBUST_MAX.equals(method)) {
            o.addProperty("highPercentile", highPercentile);
        }
        o.addProperty("offset", offset);
        o.addProperty("scale", scale);
        return o.toString();
    }

    /** Parses {@link #toJson()}'s output; {@code source} names the origin in error messages. */
    public static NormalizationParams fromJson(String json, String source) {
        try {
            JsonElement e = new JsonParser().parse(json);
            if (!e.isJsonObject()) {
                throw new InvalidInputException(source, "normalisation parameters must be a JSON object");
            }
            JsonObject o = e.getAsJsonObject();
            String method = need(o, "method", source).getAsString();
            boolean pct = Normalizer.PERCENTILE.equals(method);
            double lo = pct ? need(o, "lowPercentile", source).getAsDouble() : Double.NaN;
            double hi = pct || Normalizer.ROBUST_MAX.equals(method) ? need(o, "highPercentile", source).getAsDouble()
                    : Double.NaN;
            return new NormalizationParams(method, lo, hi, need(o, "offset", source).getAsDouble(),
                    need(o, "scale", source).getAsDouble());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new InvalidInputException(source, "not valid normalisation JSON: " + e.getMessage());
        }
    }

    private static JsonElement need(JsonObject o, String key, String source) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new InvalidInputException(source, "normalisation parameters lack '" + key + "'");
        }
        return e;
    }

    public void save(Path file) throws IOException {
        Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8);
    }

    public static NormalizationParams load(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }
}
