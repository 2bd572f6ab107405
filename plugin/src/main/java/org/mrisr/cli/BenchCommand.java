package org.mrisr.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.mrisr.cli.bench.BenchRow;
import org.mrisr.cli.bench.BenchSection;
import org.mrisr.cli.bench.IoBench;
import org.mrisr.cli.bench.MetricsBench;
import org.mrisr.cli.bench.OpsBench;
import org.mrisr.cli.bench.SrganBench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * {@code ./mrisr bench}: measures mrisr against its Python peers (nibabel, scipy, scikit-image,
 * PyTorch) in the same run, so ratios compare like with like on whatever machine runs it.
 */
final class BenchCommand implements Command {
    /** Sections by name, in run order; each is created only when chosen. */
    private static final Map<String, Supplier<BenchSection>> SECTIONS = sections();

    private static Map<String, Supplier<BenchSection>> sections() {
        Map<String, Supplier<BenchSection>> m = new LinkedHashMap<>();
        m.put("io", IoBench::new);
        m.put("ops", OpsBench::new);
        m.put("metrics", MetricsBench::new);
        m.put("srgan", SrganBench::new);
        return m;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "benchmark mrisr against nibabel/scipy/skimage/PyTorch in the same run";
    }

    @Override
    public String help() {
        return String.join("\n",
                "usage: mrisr bench [--only io|ops|metrics|srgan[,...]] [--json]",
                "",
                "Runs the benchmark sections and prints one table (or one JSON object with --json).",
                "Each figure is measured for mrisr and for its Python peer (bench/*.py, run with",
                "/usr/bin/python3) in the same run; 'x better' > 1 means mrisr wins.",
                "  io       read/write ch2better.nii.gz vs nibabel (MB/s)",
                "  ops      degrade + cubic upsample of ch2bet/ch2better vs scipy (s)",
                "  metrics  3D SSIM on ch2better-sized volumes vs scikit-image (s)",
                "  srgan    GAN training step and inference per upsampling method vs PyTorch CPU",
                "Needs Debian's mricron-data, python3-nibabel, python3-scipy, python3-skimage, python3-torch.",
                "Timings are noisy on shared machines: compare ratios from one run, not across runs.");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        String only = args.string("only");
        boolean json = args.flag("json");
        args.rejectUnknownAndPositional();
        List<String> chosen = new ArrayList<>();
        for (String s : (only == null ? String.join(",", SECTIONS.keySet()) : only).split(",")) {
            String n = s.trim().toLowerCase(Locale.ROOT);
            if (!SECTIONS.containsKey(n)) {
                throw new UsageException("--only: unknown section '" + s + "', expected one of " + SECTIONS.keySet());
            }
            chosen.add(n);
        }
        List<BenchRow> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String n : chosen) {
            BenchSection section = section(n);
            err.println("bench: running " + n + " ...");
            try {
                rows.addAll(section.run(err));
            } catch (Exception e) {
                failures.add(n + ": " + e.getMessage());
                err.println("bench: section " + n + " failed: " + e.getMessage());
            }
        }
        out.print(json ? toJson(rows, failures) : toTable(rows));
        return failures.isEmpty() ? Main.OK : Main.INTERNAL;
    }

    static BenchSection section(String name) {
        return SECTIONS.get(name).get();
    }

    static String toTable(List<BenchRow> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-8s %-46s %12s %12s %-10s %-22s %9s%n", "section", "what", "mrisr", "peer",
                "unit", "peer is", "x better"));
        for (BenchRow r : rows) {
            sb.append(String.format(Locale.ROOT, "%-8s %-46s %12s %12s %-10s %-22s %9s%n", r.section(), r.item(), fmt(r.mrisr()),
                    fmt(r.peer()), r.unit(), r.peerName() == null ? "-" : r.peerName(),
                    Double.isNaN(r.advantage()) ? "-" : String.format(Locale.ROOT, "%.2f", r.advantage())));
        }
        return sb.toString();
    }

    static String toJson(List<BenchRow> rows, List<String> failures) {
        JsonObject root = new JsonObject();
        JsonArray arr = new JsonArray();
        for (BenchRow r : rows) {
            JsonObject o = new JsonObject();
            o.addProperty("section", r.section());
            o.addProperty("what", r.item());
            o.addProperty("unit", r.unit());
            o.addProperty("mrisr", finiteOrNull(r.mrisr()));
            o.addProperty("peer", finiteOrNull(r.peer()));
            o.addProperty("peer_name", r.peerName());
            o.addProperty("higher_is_better", r.higherIsBetter());
            o.addProperty("advantage", finiteOrNull(r.advantage()));
            arr.add(o);
        }
        root.add("rows", arr);
        JsonArray f = new JsonArray();
        failures.forEach(f::add);
        root.add("failures", f);
        return new GsonBuilder().serializeNulls().create().toJson(root) + "\n";
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
