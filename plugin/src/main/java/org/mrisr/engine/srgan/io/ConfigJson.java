package org.mrisr.engine.srgan.io;

import java.math.BigDecimal;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.srgan.net.DiscriminatorConfig;
import org.mrisr.engine.srgan.net.GeneratorConfig;
import org.mrisr.engine.srgan.net.UpsamplingMethod;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * JSON forms of the network configurations (model files and checkpoints) and the typed field readers
 * every header parser uses; parsing validates and names the file and field in errors.
 */
public final class ConfigJson {
    private ConfigJson() {
    }

    public static JsonObject generator(GeneratorConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("factor", c.factor());
        o.addProperty("upsampling", c.method().id());
        o.addProperty("filters", c.filters());
        o.addProperty("residualBlocks", c.blocks());
        o.addProperty("upsamplingFilters", c.upFilters());
        o.addProperty("leakyReluSlope", c.slope());
        o.addProperty("tanhOutput", c.tanhOutput());
        o.addProperty("initStd", c.initStd());
        o.addProperty("inputSkip", c.inputSkip());
        return o;
    }

    /** Parses and checks a generator (every size bounded before anything is allocated); errors name src and field. */
    public static GeneratorConfig generator(JsonObject o, String src) {
        Fields f = new Fields(o, "generator.", src);
        try {
            return new GeneratorConfig(f.integer("factor"), UpsamplingMethod.parse(f.string("upsampling")),
                    f.integer("filters"), f.integer("residualBlocks"), f.integer("upsamplingFilters"),
                    f.number("leakyReluSlope"), f.bool("tanhOutput"), f.number("initStd"),
                    // absent in files written before the option existed: the paper's architecture
                    o.has("inputSkip") && f.bool("inputSkip"));
        } catch (InvalidInputException e) {
            throw inFile(e, src);
        }
    }

    public static JsonObject discriminator(DiscriminatorConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("patchX", c.patchX());
        o.addProperty("patchY", c.patchY());
        o.addProperty("patchZ", c.patchZ());
        JsonArray w = new JsonArray();
        for (int v : c.widths()) {
            w.add(v);
        }
        o.add("widths", w);
        o.addProperty("dense", c.dense());
        o.addProperty("leakyReluSlope", c.slope());
        o.addProperty("initStd", c.initStd());
        return o;
    }

    /** Parses and checks a discriminator like {@link #generator(JsonObject, String)}. */
    public static DiscriminatorConfig discriminator(JsonObject o, String src) {
        Fields f = new Fields(o, "discriminator.", src);
        JsonElement e = f.field("widths");
        if (!e.isJsonArray() || e.getAsJsonArray().size() > DiscriminatorConfig.MAX_CONVS) {
            throw new InvalidInputException(src, "field 'discriminator.widths' must be a list of at most "
                    + DiscriminatorConfig.MAX_CONVS + " convolution widths");
        }
        JsonArray a = e.getAsJsonArray();
        int[] w = new int[a.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = wholeInt(a.get(i), "discriminator.widths[" + i + "]", src);
        }
        try {
            return new DiscriminatorConfig(f.integer("patchX"), f.integer("patchY"), f.integer("patchZ"), w,
                    f.integer("dense"), f.number("leakyReluSlope"), f.number("initStd"));
        } catch (InvalidInputException ex) {
            throw inFile(ex, src);
        }
    }

    /** A configuration's error (its source is the field) as one about the file that holds it. */
    private static InvalidInputException inFile(InvalidInputException e, String src) {
        return e.source().equals(src) ? e : new InvalidInputException(src, e.source() + ": " + e.problem(), e);
    }

    public static JsonElement field(JsonObject o, String name, String src) {
        return new Fields(o, "", src).field(name);
    }

    public static JsonObject object(JsonObject o, String name, String src) {
        return new Fields(o, "", src).object(name);
    }

    public static int integer(JsonObject o, String name, String src) {
        return new Fields(o, "", src).integer(name);
    }

    public static long longValue(JsonObject o, String name, String src) {
        return new Fields(o, "", src).longValue(name);
    }

    public static double number(JsonObject o, String name, String src) {
        return new Fields(o, "", src).number(name);
    }

    public static boolean bool(JsonObject o, String name, String src) {
        return new Fields(o, "", src).bool(name);
    }

    public static String string(JsonObject o, String name, String src) {
        return new Fields(o, "", src).string(name);
    }

    /**
     * An integer field read exactly: 1e12 or 2.5 are refused, not wrapped or truncated as Gson's
     * getAsInt would (4294967301 would become 5).
     */
    static long wholeNumber(JsonElement e, String label, String src) {
        number(e, label, src);
        String text = e.getAsString();
        try {
            // the length cap keeps a hostile 100000-digit literal from a slow exact parse
            return new BigDecimal(text.length() <= 40 ? text : "x").longValueExact();
        } catch (ArithmeticException | NumberFormatException ex) {
            throw new InvalidInputException(src, "field '" + label + "' must be a whole number within 64 bits, got "
                    + shortText(e));
        }
    }

    /** A number (any JSON number; Infinity and NaN are not JSON). */
    static double number(JsonElement e, String label, String src) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new InvalidInputException(src, "field '" + label + "' must be a number, got " + shortText(e));
        }
        return e.getAsDouble();
    }

    /** Like {@link #wholeNumber} within int range. */
    static int wholeInt(JsonElement e, String label, String src) {
        long v = wholeNumber(e, label, src);
        if (v != (int) v) {
            throw new InvalidInputException(src, "field '" + label + "' = " + v + " is too large");
        }
        return (int) v;
    }

    private static String shortText(JsonElement e) {
        String t = e.toString();
        return t.length() <= 40 ? t : t.substring(0, 40) + "...";
    }

    /** Typed reads of one JSON object's fields; errors name src and the field as {@code prefix + name}. */
    private record Fields(JsonObject o, String prefix, String src) {
        JsonElement field(String name) {
            JsonElement e = o == null ? null : o.get(name);
            if (e == null || e.isJsonNull()) {
                throw new InvalidInputException(src, "missing field '" + prefix + name + "'");
            }
            return e;
        }

        JsonObject object(String name) {
            JsonElement e = field(name);
            if (!e.isJsonObject()) {
                throw new InvalidInputException(src, "field '" + prefix + name + "' must be an object");
            }
            return e.getAsJsonObject();
        }

        int integer(String name) {
            return wholeInt(field(name), prefix + name, src);
        }

        long longValue(String name) {
            return wholeNumber(field(name), prefix + name, src);
        }

        double number(String name) {
            return ConfigJson.number(field(name), prefix + name, src);
        }

        boolean bool(String name) {
            JsonElement e = field(name);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
                throw new InvalidInputException(src, "field '" + prefix + name + "' must be true or false, got "
                        + shortText(e));
            }
            return e.getAsBoolean();
        }

        String string(String name) {
            try {
                return field(name).getAsString();
            } catch (RuntimeException e) {
                throw bad(name, e);
            }
        }

        private RuntimeException bad(String name, RuntimeException e) {
            if (e instanceof InvalidInputException) {
                return e;
            }
            return new InvalidInputException(src, "field '" + prefix + name + "' has the wrong type");
        }
    }
}
