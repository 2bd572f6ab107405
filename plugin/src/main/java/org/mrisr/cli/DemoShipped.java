package org.mrisr.cli;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import org.mrisr.engine.TemporaryFile;
import org.mrisr.engine.eval.MethodComparison;
import org.mrisr.engine.eval.Upscaler;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.train.TrainingJob;
import org.mrisr.engine.viz.Montage;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonElement;

/**
 * The demo's default: the shipped model for the factor on a whole brain it never saw, against the
 * interpolation baselines, with the volumes, scores and a montage written out. It says so when the
 * volume's file name is among the model's recorded training data (then the result is not cross-subject).
 */
final class DemoShipped {
    private final Path hrFile;
    private final Volume full;
    private final int factor;
    private final Path dir;
    private final PrintStream out;
    private final PrintStream err;

    DemoShipped(Path hrFile, Volume full, int factor, Path dir, PrintStream out, PrintStream err) {
        this.hrFile = hrFile;
        this.full = full;
        this.factor = factor;
        this.dir = dir;
        this.out = out;
        this.err = err;
    }

    int run() throws Exception {
        Nd4jBackend.init(Nd4jBackend.Device.CPU);
        SrModel model = CliVolumes.defaultModel(factor);
        String method = model.config().method().id();
        boolean seen = trainedOn(model, hrFile.getFileName().toString());
        err.printf("demo: the shipped x%d %s model on the whole of %s (%dx%dx%d)%s%n", factor, method, hrFile, full.nx(),
                full.ny(), full.nz(), seen ? "; WARNING: this file is in the model's training data, so this is not a "
                        + "result on an unseen person" : ", a person the model never saw");
        List<Upscaler> methods = new ArrayList<>(MethodComparison.baselines(factor));
        methods.add(new Upscaler("srgan " + method, lr -> model.predict(lr, PredictOptions.defaults())));
        MethodComparison cmp = new MethodComparison(factor, TrainingJob.degrader(factor, 1, 3, false),
                Runtime.getRuntime().availableProcessors());
        Map<String, Volume> results = new LinkedHashMap<>();
        Volume hr = full.trimmedToMultipleOf(factor);
        List<MethodComparison.Row> rows = cmp.compare(hr, hrFile.getFileName().toString(), methods, null, results::put,
                s -> err.println("demo: " + s));
        writeOutputs(dir, hr, results, results.get("srgan " + method), rows, factor);
        out.println("mrisr demo: shipped x" + factor + " " + method + " model on the whole of " + hrFile
                + (seen ? " (in its training data)" : " (a person it never saw)"));
        out.print(MethodComparison.table(rows));
        out.println("outputs in " + dir.toAbsolutePath());
        return Main.OK;
    }

    /** The demo's volumes (hr, lr and one per method), montage.png and scores.json. */
    static void writeOutputs(Path dir, Volume hr, Map<String, Volume> results, Volume sr, List<MethodComparison.Row> rows,
            int factor) throws Exception {
        CommandFiles.write(hr, dir.resolve("hr.nii.gz"));
        for (Map.Entry<String, Volume> e : results.entrySet()) {
            String file = e.getKey().startsWith("srgan") ? "srgan" : e.getKey().replace(' ', '_').replace("_spline", "");
            CommandFiles.write(e.getValue(), dir.resolve(file + ".nii.gz"));
        }
        BufferedImage montage = Montage.render(List.of("LR", "cubic", "SRGAN", "HR"),
                List.of(results.get("lr"), results.get("cubic spline"), sr, hr), hr);
        TemporaryFile.write(dir.resolve("montage.png"), t -> ImageIO.write(montage, "png", t.stream()));
        CommandFiles.writeText(dir.resolve("scores.json"), EvaluateCommand.json(rows, factor));
    }

    /** True when a file of this name is among the model's recorded training volumes. */
    static boolean trainedOn(SrModel model, String fileName) {
        JsonElement data = model.info().training() == null ? null : model.info().training().get("data");
        if (data == null || !data.isJsonArray()) {
            return false;
        }
        for (JsonElement e : data.getAsJsonArray()) {
            String name = e.isJsonPrimitive() ? e.getAsString() : "";
            // names may be paths and may carry a region note: "…/ch2bet.nii.gz (training region)"
            String base = Path.of(name.split(" \\(")[0]).getFileName().toString();
            if (base.equals(fileName)) {
                return true;
            }
        }
        return false;
    }
}
