package org.mrisr.cli.bench;

import java.util.List;
import java.util.Locale;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The bench's output: a table for people, or with {@code --json} one JSON object for machines. Both say
 * how the figures were measured (runs, threads, the peak-RSS mechanism) and how the machine's peak was
 * counted, so a table copied elsewhere still carries its conditions.
 */
public final class BenchReport {
    private static final String ROW = "%-8s %-60s %-26s %-26s %-12s %-16s %8s %-15s %-11s %7s%n";

    private BenchReport() {
    }

    /** Header lines: measurement conditions and the machine peak. */
    static String conditions(BenchOptions o, MachinePeak peak) {
        return "# each figure: median [min-max] of " + o.repeat() + " runs per side, mrisr and peer interleaved"
                + " (mrisr, peer, mrisr, peer, ...)\n"
                + "# threads pinned to " + o.threads() + " on both sides (OMP/MKL/OPENBLAS_NUM_THREADS, mrisr.compute.threads;"
                + " torch.set_num_threads)\n"
                + "# peak RSS: VmHWM of each side's child process, read by the bench from /proc/<pid>/status\n"
                + "# " + peak.describe() + "\n";
    }

    public static String table(List<BenchRow> rows, BenchOptions o, MachinePeak peak) {
        StringBuilder sb = new StringBuilder(conditions(o, peak));
        sb.append(String.format(Locale.ROOT, ROW, "section", "what", "mrisr", "peer", "unit", "peer is", "x better",
                "GFLOP/s m/p", "% peak m/p", "threads"));
        for (BenchRow r : rows) {
            sb.append(String.format(Locale.ROOT, ROW, r.section(), r.item(), cell(r.mrisr()), cell(r.peer()), r.unit(),
                    r.peerName() == null ? "-" : r.peerName(),
                    Double.isNaN(r.advantage()) ? "-" : String.format(Locale.ROOT, "%.2f", r.advantage()),
                    pair(r.gflops().median(), r.peerGflops().median(), 1),
                    pair(100 * share(r.gflops(), peak), 100 * share(r.peerGflops(), peak), 1),
                    r.threads() > 0 ? String.valueOf(r.threads()) : "-"));
        }
        return sb.toString();
    }

    public static String json(List<BenchRow> rows, List<String> failures, BenchOptions o, MachinePeak peak) {
        JsonObject root = new JsonObject();
        root.addProperty("repeat", o.repeat());
        root.addProperty("threads", o.threads());
        root.addProperty("order", "interleaved: mrisr, peer, mrisr, peer, ...");
        root.addProperty("peak_rss", "VmHWM of each side's child process from /proc/<pid>/status, MiB");
        JsonObject m = new JsonObject();
        m.addProperty("cores", peak.cores());
        m.addProperty("cores_from", peak.coresFrom());
        m.addProperty("clock_ghz", peak.clockGhz());
        m.addProperty("clock_from", peak.clockFrom());
        m.addProperty("flops_per_cycle", peak.flopsPerCycle());
        m.addProperty("flops_from", peak.flopsFrom());
        m.addProperty("peak_gflops", finiteOrNull(peak.gflops()));
        root.add("machine", m);
        JsonArray arr = new JsonArray();
        for (BenchRow r : rows) {
            JsonObject j = new JsonObject();
            j.addProperty("section", r.section());
            j.addProperty("name", r.item());
            j.addProperty("unit", r.unit());
            j.addProperty("higher_is_better", r.higherIsBetter());
            figures(j, r.mrisr());
            if (r.peer().isEmpty()) {
                j.add("peer", null);
            } else {
                JsonObject p = new JsonObject();
                p.addProperty("name", r.peerName());
                figures(p, r.peer());
                p.addProperty("gflops", finiteOrNull(r.peerGflops().median()));
                p.addProperty("share", finiteOrNull(share(r.peerGflops(), peak)));
                j.add("peer", p);
            }
            j.addProperty("ratio", finiteOrNull(r.advantage()));
            j.addProperty("threads", r.threads() > 0 ? r.threads() : null);
            j.addProperty("gflops", finiteOrNull(r.gflops().median()));
            j.addProperty("share", finiteOrNull(share(r.gflops(), peak)));
            arr.add(j);
        }
        root.add("rows", arr);
        JsonArray f = new JsonArray();
        failures.forEach(f::add);
        root.add("failures", f);
        return new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(root) + "\n";
    }

    /** Median GFLOP/s as a fraction of the machine's peak; NaN when either is unknown. */
    static double share(Stats gflops, MachinePeak peak) {
        return gflops.median() / peak.gflops();
    }

    private static void figures(JsonObject j, Stats s) {
        j.addProperty("median", finiteOrNull(s.median()));
        j.addProperty("min", finiteOrNull(s.min()));
        j.addProperty("max", finiteOrNull(s.max()));
        JsonArray runs = new JsonArray();
        s.runs().forEach(runs::add);
        j.add("runs", runs);
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String cell(Stats s) {
        if (s.isEmpty()) {
            return "-";
        }
        return s.runs().size() == 1 ? fmt(s.median()) : fmt(s.median()) + " [" + fmt(s.min()) + "-" + fmt(s.max()) + "]";
    }

    private static String pair(double a, double b, int decimals) {
        if (Double.isNaN(a) && Double.isNaN(b)) {
            return "-";
        }
        String f = "%." + decimals + "f";
        return (Double.isNaN(a) ? "-" : String.format(Locale.ROOT, f, a)) + " / "
                + (Double.isNaN(b) ? "-" : String.format(Locale.ROOT, f, b));
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        if (a != 0 && a < 1e-2) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.3f", v);
    }
}
