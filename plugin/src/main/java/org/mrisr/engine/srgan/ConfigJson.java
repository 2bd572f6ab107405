package org.mrisr.engine.srgan;

import org.mrisr.engine.InvalidInputException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** JSON forms of the configuration records (model files and checkpoints); parsing validates. */
final class ConfigJson {
    private ConfigJson() {
    }

    static JsonObject generator(GeneratorConfig c) {
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

    static GeneratorConfig generator(JsonObject o, String src) {
        return new GeneratorConfig(integer(o, "factor", src), UpsamplingMethod.parse(string(o, "upsampling", src)),
                integer(o, "filters", src), integer(o, "residualBlocks", src), integer(o, "upsamplingFilters", src),
                number(o, "leakyReluSlope", src), bool(o, "tanhOutput", src), number(o, "initStd", src),
                // absent in files written before the option existed: the paper's architecture
                o.has("inputSkip") && bool(o, "inputSkip", src));
    }

    static JsonObject discriminator(DiscriminatorConfig c) {
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

    static DiscriminatorConfig discriminator(JsonObject o, String src) {
        JsonArray a = field(o, "widths", src).getAsJsonArray();
        int[] w = new int[a.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = a.get(i).getAsInt();
        }
        return new DiscriminatorConfig(integer(o, "patchX", src), integer(o, "patchY", src), integer(o, "patchZ", src), w,
                integer(o, "dense", src), number(o, "leakyReluSlope", src), number(o, "initStd", src));
    }

    static JsonObject training(TrainingConfig c) {
        JsonObject o = new JsonObject();
        o.addProperty("steps", c.steps());
        o.addProperty("batchSize", c.batchSize());
        o.addProperty("learningRateG", c.learningRateG());
        o.addProperty("learningRateD", c.learningRateD());
        o.addProperty("adversarialWeight", c.adversarialWeight());
        o.addProperty("mseWeight", c.mseWeight());
        o.addProperty("gdlWeight", c.gdlWeight());
        o.addProperty("labels", c.labels().name());
        o.addProperty("lossOnLogits", c.lossOnLogits());
        o.addProperty("pretrainSteps", c.pretrainSteps());
        o.addProperty("augment", c.augment());
        o.addProperty("seed", c.seed());
        o.addProperty("checkpointEvery", c.checkpointEvery());
        return o;
    }

    static TrainingConfig training(JsonObject o, String src) {
        LabelSmoothing l;
        try {
            l = LabelSmoothing.valueOf(string(o, "labels", src));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(src, "unknown label smoothing " + o.get("labels"));
        }
        return new TrainingConfig(longValue(o, "steps", src), integer(o, "batchSize", src),
                number(o, "learningRateG", src), number(o, "learningRateD", src), number(o, "adversarialWeight", src),
                number(o, "mseWeight", src), number(o, "gdlWeight", src), l, bool(o, "lossOnLogits", src),
                longValue(o, "pretrainSteps", src), bool(o, "augment", src), longValue(o, "seed", src),
                longValue(o, "checkpointEvery", src));
    }

    static JsonElement field(JsonObject o, String name, String src) {
        JsonElement e = o == null ? null : o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new InvalidInputException(src, "missing field '" + name + "'");
        }
        return e;
    }

    static JsonObject object(JsonObject o, String name, String src) {
        JsonElement e = field(o, name, src);
        if (!e.isJsonObject()) {
            throw new InvalidInputException(src, "field '" + name + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    static int integer(JsonObject o, String name, String src) {
        try {
            return field(o, name, src).getAsInt();
        } catch (RuntimeException e) {
            throw bad(name, src, e);
        }
    }

    static long longValue(JsonObject o, String name, String src) {
        try {
            return field(o, name, src).getAsLong();
        } catch (RuntimeException e) {
            throw bad(name, src, e);
        }
    }

    static double number(JsonObject o, String name, String src) {
        try {
            return field(o, name, src).getAsDouble();
        } catch (RuntimeException e) {
            throw bad(name, src, e);
        }
    }

    static boolean bool(JsonObject o, String name, String src) {
        try {
            return field(o, name, src).getAsBoolean();
        } catch (RuntimeException e) {
            throw bad(name, src, e);
        }
    }

    static String string(JsonObject o, String name, String src) {
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
