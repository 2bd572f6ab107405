package org.mrisr.engine.srgan.io;

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

    public static GeneratorConfig generator(JsonObject o, String src) {
        return new GeneratorConfig(integer(o, "factor", src), UpsamplingMethod.parse(string(o, "upsampling", src)),
                integer(o, "filters", src), integer(o, "residualBlocks", src), integer(o, "upsamplingFilters", src),
                number(o, "leakyReluSlope", src), bool(o, "tanhOutput", src), number(o, "initStd", src),
                // absent in files written before the option existed: the paper's architecture
                o.has("inputSkip") && bool(o, "inputSkip", src));
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

    public static DiscriminatorConfig discriminator(JsonObject o, String src) {
        JsonArray a = field(o, "widths", src).getAsJsonArray();
        int[] w = new int[a.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = a.get(i).getAsInt();
        }
        return new DiscriminatorConfig(integer(o, "patchX", src), integer(o, "patchY", src), integer(o, "patchZ", src), w,
                integer(o, "dense", src), number(o, "leakyReluSlope", src), number(o, "initStd", src));
    }

    public static JsonElement field(JsonObject o, String name, String src) {
        JsonElement e = o == null ? null : o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new InvalidInputException(src, "missing field '" + name + "'");
        }
        return e;
    }

    public static JsonObject object(JsonObject o, String name, String src) {
        JsonElement e = field(o, name, src);
        if (!e.isJsonObject()) {
            throw new InvalidInputException(src, "field '" + name + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    public static int integer(JsonObject o, String name, String src) {
        try {
            return field(o, name, src).getAsInt();
        } catch (RuntimeException e) {
            throw bad(name, src, e);
        }
    }

    public static long longValue(JsonObject o, String name, String src) {
        try {
            return field(o, name, src).getAsLong();
        } catch (RuntimeException e) {
            throw bad(name, src, e);
        }
    }

    public static double number(JsonObject o, String name, String src) {
        try {
            return field(o, name, src).getAsDouble();
        } catch (RuntimeException e) {
            throw bad(name, src, e);
        }
    }

    public static boolean bool(JsonObject o, String name, String src) {
        try {
            return field(o, name, src).getAsBoolean();
        } catch (RuntimeException e) {
            throw bad(name, src, e);
        }
    }

    public static String string(JsonObject o, String name, String src) {
        try {
            return field(o, name, src).getAsString();
        } catch (RuntimeException e) {
            throw bad(name, src, e);
        }
    }

    private static RuntimeException bad(String name, String src, RuntimeException e) {
        if (e instanceof InvalidInputException) {
            return e;
        }
        return new InvalidInputException(src, "field '" + name + "' has the wrong type");
    }
}
