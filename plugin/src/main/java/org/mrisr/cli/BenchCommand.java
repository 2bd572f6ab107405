package org.mrisr.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.mrisr.cli.bench.BenchOptions;
import org.mrisr.cli.bench.BenchReport;
import org.mrisr.cli.bench.BenchRow;
import org.mrisr.cli.bench.BenchSection;
import org.mrisr.cli.bench.IoBench;
import org.mrisr.cli.bench.MachinePeak;
import org.mrisr.cli.bench.MetricsBench;
import org.mrisr.cli.bench.OpsBench;
import org.mrisr.cli.bench.SrganBench;
import org.mrisr.cli.bench.ThickBench;

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
        m.put("thick", ThickBench::new);
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
                "usage: mrisr bench [--only io|ops|metrics|srgan|thick[,...]] [--repeat N] [--threads N] [--json]",
                "",
                "Runs the benchmark sections and prints one table (or one JSON object with --json).",
                "Each figure is measured for mrisr and for its Python peer (bench/*.py, run with",
                "/usr/bin/python3) in the same run; 'x better' > 1 means mrisr wins. io and srgan report",
                "the median of --repeat runs per side (default " + BenchOptions.DEFAULT_REPEAT + ") with its min-max, mrisr and peer",
                "interleaved, both pinned to --threads (default: all processors); network rows add",
                "GFLOP/s and the share of the machine's peak (cores x clock x FLOPs/cycle from the ISA).",
                "  io       read/write ch2better.nii.gz vs nibabel (MB/s)",
                "  ops      degrade + cubic upsample of ch2bet/ch2better vs scipy (s)",
                "  metrics  3D SSIM on ch2better-sized volumes vs scikit-image (s)",
                "  srgan    GAN training step and inference per upsampling method vs PyTorch CPU",
                "  thick    thick-slice job (1x1x5 mm ~180x220x36 to 1 mm: wall time, peak RSS; minutes), its",
                "           training step and refinement vs the same network in PyTorch CPU",
                "Needs Debian's mricron-data, python3-nibabel, python3-scipy, python3-skimage, python3-torch.",
                "Timings are noisy on shared machines: compare ratios from one run, not across runs.");
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        String only = args.string("only");
        boolean json = args.flag("json");
        int repeat = args.integer("repeat", BenchOptions.DEFAULT_REPEAT);
        int threads = args.integer("threads", Runtime.getRuntime().availableProcessors());
        args.rejectUnknownAndPositional();
        if (repeat < 1 || threads < 1) {
            throw new UsageException("--repeat and --threads must be at least 1");
        }
        BenchOptions options = new BenchOptions(repeat, threads);
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
                rows.addAll(section.run(err, options));
            } catch (Exception e) {
                failures.add(n + ": " + e.getMessage());
                err.println("bench: section " + n + " failed: " + e.getMessage());
            }
        }
        MachinePeak peak = MachinePeak.detect();
        out.print(json ? BenchReport.json(rows, failures, options, peak) : BenchReport.table(rows, options, peak));
        return failures.isEmpty() ? Main.OK : Main.INTERNAL;
    }

    static BenchSection section(String name) {
        return SECTIONS.get(name).get();
    }
}
