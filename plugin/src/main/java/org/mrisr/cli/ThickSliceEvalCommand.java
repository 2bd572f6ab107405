package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.metrics.Summary;
import org.mrisr.engine.nd4j.Nd4jBackend;
import org.mrisr.engine.thick.Inference;
import org.mrisr.engine.thick.SliceProfile;
import org.mrisr.engine.thick.ThickGeometry;
import org.mrisr.engine.thick.ThickSliceModel;
import org.mrisr.engine.thick.ThroughPlane;
import org.mrisr.engine.thick.TrainingSettings;
import org.mrisr.engine.thick.eval.ThickSliceEvaluation;
import org.mrisr.engine.thick.eval.ThickSliceEvaluation.Case;
import org.mrisr.engine.thick.eval.ThickSliceEvaluation.Result;
import org.mrisr.engine.thick.eval.ThickSliceEvaluation.Scores;
import org.mrisr.engine.viz.Montage;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonObject;

/**
 * {@code ./mrisr thick-slice-eval}: thick-slice super-resolution against ground truth. Thick-slice scans
 * are simulated from true-3D volumes, refined by cubic spline and by {@code thick-slice}'s method, and
 * scored against the original, per case and as gains over cubic spline with their spread.
 */
final class ThickSliceEvalCommand implements Command {
    @Override
    public String name() {
        return "thick-slice-eval";
    }

    @Override
    public String summary() {
        return "score thick-slice SR against ground truth: simulated thick slices from true-3D volumes vs cubic spline";
    }

    @Override
    public String help() {
        TrainingSettings d = TrainingSettings.defaults();
        return String.join("\n",
                "usage: mrisr thick-slice-eval --hr FILE... [--axis x,y,z] [--mm 3,4,5] [--profile gaussian|box]",
                "                              [--assume gaussian|box] [--steps N] [--minutes M] [--seed S]",
                "                              [--out-dir DIR] [--json] [--channels C] [--depth D] [--patch P] [--batch B] [--lr LR]",
                "",
                "For every true-3D (isotropic) volume, axis and slice thickness: the volume is trimmed along the axis",
                "to a multiple of r = thickness / voxel size, thick slices are simulated with the slice profile",
                "(FWHM = thickness; slices 0, r, 2r, ...), and the scan is refined back onto the original grid by",
                "cubic spline along the axis and by the self-supervised method of `mrisr thick-slice` (trained on",
                "the simulated scan only). Both are scored against the original: whole volume (all voxels) and",
                "masked (original > 0, holes filled), PSNR with the original's data range and SSIM (7^3 box).",
                "",
                "  --hr FILE...     isotropic true-3D volumes (ground truth)",
                "  --axis A         thick axes to simulate, e.g. z or x,y,z (default z)",
                "  --mm T           slice thicknesses in mm, e.g. 4,5 (default 3,4,5); r = T / voxel size, an integer",
                "  --profile P      slice profile of the simulation: gaussian (default) or box",
                "  --assume P       profile the method is told (default: the simulated one)",
                "  --steps N, --minutes M, --seed S, --channels C, --depth D, --patch P, --batch B, --lr LR",
                "                   training, as `mrisr thick-slice` (default " + d.steps() + " steps)",
                "  --out-dir DIR    also write per case the thick scan, cubic, SR (.nii.gz) and a montage PNG",
                "                   (thick slices repeated | cubic | SR | original; axial, coronal, sagittal)",
                "  --nonfinite zero|refuse  NaN/Inf voxels of an --hr file: background 0 with a warning (default) or exit 2",
                "  --overwrite      replace files already in --out-dir (default: refuse before any work, exit 2)",
                "  --json           one JSON object per case on stdout, one line each as the case finishes",
                "                   (JSON Lines), instead of the text table",
                "",
                "Text output: one row per case and method, then per (axis, thickness) the gain of SR over cubic",
                "(mean +- std [min, max] over volumes) and how many volumes it beat cubic on.");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        List<String> files = args.list("hr");
        String axes = args.string("axis", "z");
        double[] mm = numbers(args.string("mm", "3,4,5"), "--mm");
        SliceProfile.Shape simulated = SliceProfile.Shape.parse(args.string("profile", "gaussian"), "--profile");
        String assumedName = args.string("assume");
        TrainingSettings training = ThickSliceCommand.training(args);
        String outDir = args.string("out-dir");
        boolean json = args.flag("json");
        CommandFiles io = CommandFiles.readingWriting(args, err);
        args.rejectUnknownAndPositional();
        if (files.isEmpty()) {
            throw new UsageException("missing --hr FILE...");
        }
        SliceProfile.Shape assumed = assumedName == null ? simulated : SliceProfile.Shape.parse(assumedName, "--assume");
        List<Integer> axisList = new ArrayList<>();
        for (String a : axes.split(",")) {
            axisList.add(ThickGeometry.parseAxis(a, "--axis"));
        }
        if (outDir != null && !Files.isDirectory(Path.of(outDir))) {
            throw new InvalidInputException(outDir, "--out-dir does not exist; create it first");
        }
        for (String f : files) {
            io.inputs(Path.of(f));
        }
        if (outDir != null) {
            List<String> names = new ArrayList<>();
            for (String f : files) {
                for (int axis : axisList) {
                    for (double t : mm) {
                        String base = baseName(stem(f), axis, t, simulated);
                        names.addAll(List.of(base + THICK, base + CUBIC, base + SR, base + PNG));
                    }
                }
            }
            io.outputFolder(Path.of(outDir), names);
        }
        Nd4jBackend.init(Nd4jBackend.Device.CPU);

        List<Scored> results = new ArrayList<>();
        for (String f : files) {
            Volume hr = io.read(Path.of(f));
            String name = stem(f);
            for (int axis : axisList) {
                for (double t : mm) {
                    int r = factor(hr, axis, t, f);
                    Case c = new Case(name, axis, r, simulated, assumed);
                    err.printf(Locale.ROOT, "thick-slice-eval: %s (%.3g mm slices)%n", c.label(), t);
                    ThickSliceCommand.Progress bar = new ThickSliceCommand.Progress(err);
                    Result res = ThickSliceEvaluation.run(hr, c, training, Inference.defaults(), bar::training, null);
                    bar.end();
                    // only the scores are kept: a run over many large volumes must not hold all of them
                    Scored scored = new Scored(c, res.cubic(), res.sr(), res.training(), res.refineSeconds(),
                            c.factor() * res.original().voxelSize()[axis]);
                    results.add(scored);
                    out.print(json ? toJson(scored) + "\n" : rows(scored));
                    out.flush();
                    if (outDir != null) {
                        write(res, Path.of(outDir), t);
                    }
                }
            }
        }
        if (!json) {
            out.print(gains(results));
        }
        return Main.OK;
    }

    /** r for a thickness on this volume's grid; refuses thicknesses that are no whole number of voxels. */
    static int factor(Volume hr, int axis, double mm, String source) {
        double s = hr.voxelSize()[axis];
        int r = (int) Math.round(mm / s);
        if (Math.abs(r * s - mm) > 0.02 * mm || r < 2 || r > ThickGeometry.MAX_FACTOR) {
            throw new InvalidInputException(source, String.format(Locale.ROOT, "%.3g mm slices are %.3g voxels of %.3g mm "
                    + "along %s: need a whole number of voxels from 2 to %d (resample the volume to 1 mm first)", mm, mm / s, s,
                    ThickGeometry.name(axis), ThickGeometry.MAX_FACTOR));
        }
        return r;
    }

    private static double[] numbers(String s, String flag) throws UsageException {
        String[] p = s.split(",");
        double[] v = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            try {
                v[i] = Double.parseDouble(p[i].strip());
            } catch (NumberFormatException e) {
                throw new UsageException(flag + ": '" + p[i] + "' is not a number");
            }
        }
        return v;
    }

    static String stem(String file) {
        String n = Path.of(file).getFileName().toString();
        return n.replaceFirst("\\.nii(\\.gz)?$", "");
    }

    /** One case's outcome without its volumes. */
    record Scored(Case c, Scores cubic, Scores sr, ThickSliceModel.Training training, double refineSeconds, double sliceMm) {
    }

    private static String rows(Scored r) {
        StringBuilder sb = new StringBuilder();
        String head = String.format(Locale.ROOT, "%-40s %s %3.0f mm %-8s", r.c().name(), ThickGeometry.name(r.c().axis()), r.sliceMm(),
                r.c().simulated().label());
        sb.append(row(head, "cubic", r.cubic()));
        sb.append(row(head, "thick-slice SR", r.sr()));
        sb.append(String.format(Locale.ROOT, "%-40s   training %d steps %.0f s, refining %.0f s%n", "", r.training().steps(),
                r.training().seconds(), r.refineSeconds()));
        return sb.toString();
    }

    private static String row(String head, String method, Scores s) {
        return String.format(Locale.ROOT, "%s %-15s whole %6.2f dB %.4f   masked %6.2f dB %.4f%n", head, method, s.psnrWhole(),
                s.ssimWhole(), s.psnrMasked(), s.ssimMasked());
    }

    /** Per (axis, thickness): SR minus cubic over volumes, with how many volumes SR won. */
    static String gains(List<Scored> results) {
        Map<String, List<Scored>> groups = new LinkedHashMap<>();
        for (Scored r : results) {
            groups.computeIfAbsent(ThickGeometry.name(r.c().axis()) + " x" + r.c().factor() + " " + r.c().simulated().label()
                    + (r.c().assumed() == r.c().simulated() ? "" : " assumed " + r.c().assumed().label()),
                    k -> new ArrayList<>()).add(r);
        }
        StringBuilder sb = new StringBuilder("\ngain of thick-slice SR over cubic spline (mean ± std [min, max], volumes won)\n");
        for (Map.Entry<String, List<Scored>> e : groups.entrySet()) {
            List<Scored> g = e.getValue();
            sb.append(String.format(Locale.ROOT, "%s (n = %d)%n", e.getKey(), g.size()));
            sb.append(gain("PSNR whole (dB)", g, s -> s.psnrWhole()));
            sb.append(gain("SSIM whole", g, s -> s.ssimWhole()));
            sb.append(gain("PSNR masked (dB)", g, s -> s.psnrMasked()));
            sb.append(gain("SSIM masked", g, s -> s.ssimMasked()));
        }
        return sb.toString();
    }

    private interface Metric {
        double of(Scores s);
    }

    private static String gain(String label, List<Scored> g, Metric m) {
        double[] d = new double[g.size()];
        int won = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = m.of(g.get(i).sr()) - m.of(g.get(i).cubic());
            won += d[i] > 0 ? 1 : 0;
        }
        Summary s = Summary.of(d);
        String fmt = label.startsWith("PSNR") ? "  %-17s %+6.2f ± %4.2f [%+6.2f, %+6.2f]  %d/%d%n"
                : "  %-17s %+7.4f ± %6.4f [%+7.4f, %+7.4f]  %d/%d%n";
        return String.format(Locale.ROOT, fmt, label, s.mean(), s.std(), s.min(), s.max(), won, d.length);
    }

    private static JsonObject toJson(Scored r) {
        JsonObject c = new JsonObject();
        c.addProperty("volume", r.c().name());
        c.addProperty("axis", ThickGeometry.name(r.c().axis()));
        c.addProperty("factor", r.c().factor());
        c.addProperty("slice_mm", r.sliceMm());
        c.addProperty("profile", r.c().simulated().label());
        c.addProperty("assumed_profile", r.c().assumed().label());
        c.addProperty("training_steps", r.training().steps());
        c.addProperty("training_seconds", r.training().seconds());
        c.addProperty("refine_seconds", r.refineSeconds());
        c.add("cubic", scores(r.cubic()));
        c.add("sr", scores(r.sr()));
        return c;
    }

    private static JsonObject scores(Scores s) {
        JsonObject j = new JsonObject();
        j.addProperty("psnr_whole", s.psnrWhole());
        j.addProperty("ssim_whole", s.ssimWhole());
        j.addProperty("psnr_masked", s.psnrMasked());
        j.addProperty("ssim_masked", s.ssimMasked());
        return j;
    }

    private static final String THICK = "_thick.nii.gz";
    private static final String CUBIC = "_cubic.nii.gz";
    private static final String SR = "_sr.nii.gz";
    private static final String PNG = ".png";

    private static String baseName(String volume, int axis, double mm, SliceProfile.Shape simulated) {
        return String.format(Locale.ROOT, "%s_%s%.0fmm_%s", volume, ThickGeometry.name(axis), mm, simulated.label());
    }

    private static void write(Result r, Path dir, double mm) throws Exception {
        String base = baseName(r.c().name(), r.c().axis(), mm, r.c().simulated());
        CommandFiles.write(r.thick(), dir.resolve(base + THICK));
        CommandFiles.write(r.cubicVolume(), dir.resolve(base + CUBIC));
        CommandFiles.write(r.srVolume(), dir.resolve(base + SR));
        Montage.write(dir.resolve(base + PNG), List.of("thick (repeated)", "cubic", "thick-slice SR", "original"),
                List.of(ThroughPlane.nearest(r.thick(), r.c().axis(), r.c().factor()), r.cubicVolume(), r.srVolume(),
                        r.original()), r.original());
    }
}
