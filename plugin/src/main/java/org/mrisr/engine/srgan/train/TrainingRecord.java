package org.mrisr.engine.srgan.train;

import java.util.Locale;
import java.util.Map;

import org.mrisr.engine.srgan.io.ModelInfo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The one builder of a trained model's record ({@link ModelInfo}): the {@code training} object of
 * model.json for every training path (CLI, demo, SRGAN Learner node), plus what the data says of
 * itself ({@link TrainingInput}).
 *
 * <p>{@code training} keys, in this order: {@code completed_steps}, {@code planned_steps},
 * {@code cancelled}, {@code seconds} (the whole training's, resumed runs included), {@code hr_patch},
 * {@code batch}, {@code lr_g}, {@code lr_d}, {@code adversarial_weight}, {@code mse_weight},
 * {@code gdl_weight}, {@code pretrain_steps}, {@code labels}, {@code augment}, {@code warm_start};
 * then the data's own keys ({@link TrainingInput#provenance()}: the hook, e.g. {@code data} from the
 * CLI, {@code patches} and {@code table_rows} from the node); then, when a step ran,
 * {@code final_mse}, {@code final_gdl}, {@code final_d_loss}, {@code final_adversarial}, and
 * {@code final_validation_mse} when the returned weights were validated.
 */
final class TrainingRecord {
    private TrainingRecord() {
    }

    static ModelInfo info(TrainingInput input, TrainingConfig config, int[] hrPatch, TrainingResult r, double seconds,
            boolean warmStart) {
        return new ModelInfo(input.degradation(), training(input.provenance(), config, hrPatch, r, seconds, warmStart),
                config.seed(), input.lrVoxelSize(), input.lrMeanNormalised(), input.normalisation(),
                input.residualOver(), input.contrast(), input.range());
    }

    static JsonObject training(JsonObject provenance, TrainingConfig config, int[] hrPatch, TrainingResult r,
            double seconds, boolean warmStart) {
        JsonObject tr = new JsonObject();
        tr.addProperty("completed_steps", r.completedSteps());
        tr.addProperty("planned_steps", config.steps());
        tr.addProperty("cancelled", r.cancelled());
        tr.addProperty("seconds", seconds);
        JsonArray p = new JsonArray();
        for (int v : hrPatch) {
            p.add(v);
        }
        tr.add("hr_patch", p);
        tr.addProperty("batch", config.batchSize());
        tr.addProperty("lr_g", config.learningRateG());
        tr.addProperty("lr_d", config.learningRateD());
        tr.addProperty("adversarial_weight", config.adversarialWeight());
        tr.addProperty("mse_weight", config.mseWeight());
        tr.addProperty("gdl_weight", config.gdlWeight());
        tr.addProperty("pretrain_steps", config.pretrainSteps());
        tr.addProperty("labels", config.labels().name().toLowerCase(Locale.ROOT));
        tr.addProperty("augment", config.augment());
        tr.addProperty("warm_start", warmStart);
        if (provenance != null) {
            for (Map.Entry<String, JsonElement> e : provenance.entrySet()) {
                tr.add(e.getKey(), e.getValue());
            }
        }
        StepReport last = r.last();
        if (last != null) {
            tr.addProperty("final_mse", last.mse());
            tr.addProperty("final_gdl", last.gdl());
            tr.addProperty("final_d_loss", last.dLoss());
            tr.addProperty("final_adversarial", last.adversarial());
            if (!Double.isNaN(last.validation())) {
                tr.addProperty("final_validation_mse", last.validation());
            }
        }
        return tr;
    }
}
