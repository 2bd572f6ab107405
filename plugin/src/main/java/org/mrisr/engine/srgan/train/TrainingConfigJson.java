package org.mrisr.engine.srgan.train;

import static org.mrisr.engine.srgan.io.ConfigJson.bool;
import static org.mrisr.engine.srgan.io.ConfigJson.integer;
import static org.mrisr.engine.srgan.io.ConfigJson.longValue;
import static org.mrisr.engine.srgan.io.ConfigJson.number;
import static org.mrisr.engine.srgan.io.ConfigJson.string;

import org.mrisr.engine.InvalidInputException;

import com.google.gson.JsonObject;

/** The JSON form of {@link TrainingConfig} in checkpoints; parsing validates. */
final class TrainingConfigJson {
    private TrainingConfigJson() {
    }

    static JsonObject of(TrainingConfig c) {
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

    static TrainingConfig parse(JsonObject o, String src) {
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
}
