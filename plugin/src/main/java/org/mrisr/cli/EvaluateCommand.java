package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.compute.ComputePool;
import org.mrisr.engine.eval.GainOverBaseline;
import org.mrisr.engine.eval.MethodComparison;
import org.mrisr.engine.eval.Upscaler;
import org.mrisr.engine.metrics.Summary;
import org.mrisr.engine.metrics.VolumeScores;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.srgan.PredictOptions;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.srgan.train.TrainingJob;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code ./mrisr evaluate}: the paper's Table 1 on the user's volumes — degrade, upsample with
 * nearest / trilinear / cubic spline / each model, score with both metric policies.
 */
final class EvaluateCommand implements Command {
    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "Table-1 comparison: interpolation baselines and models, PSNR/SSIM with both policies";
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: mrisr evaluate --hr FILE... --factor r [--model MODEL ...] [--region x0,y0,z0,sx,sy,sz]",
                "                      [--blocks bx,by,bz] [--window N] [--overlap N] [--sigma S] [--json]",
                "",
                "For each HR volume (cropped to --region, then trimmed to a multiple of r): LR = degrade (sigma 1",
                "voxel, zoom 1/r order 3 without prefilter, as the paper's evaluation), then nearest, trilinear,",
                "cubic spline (scipy zoom with prefilter) and every model bring it back to the HR grid. Each result",
                "is scored against HR with three policies:",
                "  whole      what a user sees: the volume cropped to its head/brain bounding box, no mask,",
                "             data range of HR (a block is scored whole as it is)",
                "  paper      skimage SSIM 7^3, data range max-min over both volumes, volumes x brain mask",
                "  reference  data range of HR, PSNR/SSIM averaged over brain-mask voxels only",
                "(mask = HR > 0 with holes filled: the brain of a skull-stripped scan, the head of a full-head one). --blocks cuts each volume into bx*by*bz blocks scored",
                "separately (background-only blocks are skipped), giving a spread when volumes are few.",
                "Prints per-volume (per-block) rows and a summary: mean +- std [min, max] per method and policy.");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        List<String> hr = args.list("hr");
        int factor = args.integer("factor", 0);
        List<String> models = args.list("model");
        int[] region = CliVolumes.region(args.string("region"));
        double[] b = args.numbers("blocks", 3, null);
        int[] blocks = b == null ? null : CliVolumes.ints(b, "blocks");
        PredictOptions d = PredictOptions.defaults();
        int window = args.integer("window", d.window());
        int overlap = args.integer("overlap", d.overlap());
        double sigma = args.number("sigma", 1);
        boolean json = args.flag("json");
        args.rejectUnknownAndPositional();
        if (hr.isEmpty()) {
            throw new UsageException("missing --hr FILE...");
        }
        if (factor != 2 && factor != 4) {
            throw new UsageException("--factor must be 2 or 4");
        }
        List<Upscaler> methods = new ArrayList<>(MethodComparison.baselines(factor));
        if (!models.isEmpty()) {
            CliVolumes.startNd4j(err);
        }
        for (String m : models) {
            SrModel model = SrModel.load(Path.of(m));
            if (model.factor() != factor) {
                throw new InvalidInputException(m, "model is for x" + model.factor() + ", not x" + factor);
            }
            PredictOptions o = new PredictOptions(window, overlap, d.blending());
            String label = "srgan " + model.config().method().id() + (models.size() > 1 ? " (" + Path.of(m).getFileName() + ")" : "");
            methods.add(new Upscaler(label, lr -> model.predict(lr, o)));
        }
        MethodComparison cmp = new MethodComparison(factor, TrainingJob.degrader(factor, sigma, 3, false),
                ComputePool.threads());
        List<MethodComparison.Row> rows = new ArrayList<>();
        for (String f : hr) {
            Volume v = CliVolumes.cropToRegion(NiftiReader.read(Path.of(f)), region, f);
            rows.addAll(cmp.compare(v, f, methods, blocks, null, s -> err.println("evaluate: " + s)));
        }
        out.print(json ? json(rows, factor) : text(rows));
        return Main.OK;
    }

    static String text(List<MethodComparison.Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-40s %-10s %-22s %10s %8s %10s %8s %10s %8s%n", "volume", "block", "method",
                "PSNR who", "SSIM who", "PSNR pap", "SSIM pap", "PSNR ref", "SSIM ref"));
        for (MethodComparison.Row r : rows) {
            String v = r.volume();
            if (v.length() > 40) {
                v = "…" + v.substring(v.length() - 39);
            }
            sb.append(String.format(Locale.ROOT, "%-40s %-10s %-22s %10.3f %8.4f %10.3f %8.4f %10.3f %8.4f%n", v, r.block(),
                    r.method(), r.whole().psnr(), r.whole().ssim(), r.paper().psnr(), r.paper().ssim(), r.reference().psnr(),
                    r.reference().ssim()));
        }
        sb.append('\n').append(MethodComparison.table(rows));
        if (rows.stream().anyMatch(r -> r.method().equals(BASELINE)) && rows.stream().anyMatch(r -> !isInterpolation(r.method()))) {
            sb.append('\n').append(GainOverBaseline.table(rows.stream().filter(r -> !isInterpolation(r.method())
                || r.method().equals(BASELINE)).toList(), BASELINE));
        }
        return sb.toString();
    }

    /** The baseline gains are measured against: the paper's cubic spline. */
    static final String BASELINE = "cubic spline";

    /** nearest, trilinear or cubic spline (the names do not depend on the factor). */
    private static boolean isInterpolation(String method) {
        return MethodComparison.baselines(2).stream().anyMatch(u -> u.name().equals(method));
    }

    static String json(List<MethodComparison.Row> rows, int factor) {
        JsonObject root = new JsonObject();
        root.addProperty("factor", factor);
        JsonArray arr = new JsonArray();
        for (MethodComparison.Row r : rows) {
            JsonObject o = new JsonObject();
            o.addProperty("volume", r.volume());
            o.addProperty("block", r.block());
            o.addProperty("method", r.method());
            for (String p : MethodComparison.POLICIES) {
                VolumeScores s = r.policy(p);
                JsonObject q = new JsonObject();
                q.addProperty("psnr", CliVolumes.finiteOrNull(s.psnr()));
                q.addProperty("ssim", s.ssim());
                q.addProperty("mse", s.mse());
                q.addProperty("data_range", s.dataRange());
                o.add(p, q);
            }
            arr.add(o);
        }
        root.add("rows", arr);
        JsonObject summary = new JsonObject();
        for (String p : MethodComparison.POLICIES) {
            JsonObject pol = new JsonObject();
            for (Map.Entry<String, Summary[]> e : MethodComparison.summarise(rows, p).entrySet()) {
                JsonObject m = new JsonObject();
                m.add("psnr", summary(e.getValue()[0]));
                m.add("ssim", summary(e.getValue()[1]));
                pol.add(e.getKey(), m);
            }
            summary.add(p, pol);
        }
        root.add("summary", summary);
        if (rows.stream().anyMatch(r -> r.method().equals(BASELINE))) {
            JsonObject gains = new JsonObject();
            for (String p : MethodComparison.POLICIES) {
                JsonObject pol = new JsonObject();
                for (GainOverBaseline g : GainOverBaseline.of(rows, BASELINE, p)) {
                    JsonObject m = new JsonObject();
                    m.addProperty("n", g.count());
                    m.add("psnr_db", summary(g.psnr()));
                    m.add("ssim", summary(g.ssim()));
                    m.addProperty("psnr_wins", g.psnrWins());
                    m.addProperty("ssim_wins", g.ssimWins());
                    pol.add(g.method(), m);
                }
                gains.add(p, pol);
            }
            root.add("gain_over_cubic", gains);
        }
        return root + "\n";
    }

    private static JsonObject summary(Summary s) {
        JsonObject o = new JsonObject();
        o.addProperty("n", s.count());
        o.addProperty("mean", CliVolumes.finiteOrNull(s.mean()));
        o.addProperty("std", CliVolumes.finiteOrNull(s.std()));
        o.addProperty("min", CliVolumes.finiteOrNull(s.min()));
        o.addProperty("max", CliVolumes.finiteOrNull(s.max()));
        o.addProperty("median", CliVolumes.finiteOrNull(s.median()));
        return o;
    }
}
