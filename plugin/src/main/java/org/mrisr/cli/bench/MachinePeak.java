package org.mrisr.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's peak float32 rate from its architecture: cores × clock × FLOPs per cycle per core,
 * each with where it came from (printed with every bench table and in the JSON).
 *
 * <ul>
 * <li>cores: lscpu's "Core(s) per socket" × "Socket(s)" (physical cores: hyper-threads share the FMA
 * units), else distinct (physical id, core id) pairs of /proc/cpuinfo, else the JVM's processors;</li>
 * <li>clock: lscpu's "CPU max MHz", else a "@ x.xxGHz" in the model name, else /proc/cpuinfo's "cpu MHz"
 * (what the kernel reports; under a hypervisor often the nominal clock, boost may be higher), else
 * {@value #DEFAULT_CLOCK_GHZ} GHz, said so;</li>
 * <li>FLOPs per cycle: from the ISA flags and the CPU family, {@link #flopsPerCycle}.</li>
 * </ul>
 * {@code -Dmrisr.bench.clockGHz} and {@code -Dmrisr.bench.flopsPerCycle} override the last two (stated as
 * overrides in the output).
 */
public record MachinePeak(int cores, String coresFrom, double clockGhz, String clockFrom, int flopsPerCycle,
        String flopsFrom) {
    /** Clock used when none is readable (a typical all-core clock of current x86 server parts). */
    public static final double DEFAULT_CLOCK_GHZ = 3.0;

    /** Peak GFLOP/s (float32); NaN when the FLOPs per cycle are unknown. */
    public double gflops() {
        return flopsPerCycle > 0 ? cores * clockGhz * flopsPerCycle : Double.NaN;
    }

    /** One line saying how the peak was counted. */
    public String describe() {
        return String.format(Locale.ROOT, "machine peak %s GFLOP/s float32 = %d cores (%s) x %.3f GHz (%s) x %s FLOPs/cycle/core (%s)",
                Double.isNaN(gflops()) ? "unknown" : String.format(Locale.ROOT, "%.1f", gflops()), cores, coresFrom, clockGhz,
                clockFrom, flopsPerCycle > 0 ? flopsPerCycle : "?", flopsFrom);
    }

    /** This machine: /proc/cpuinfo, {@code lscpu} when installed, and the overrides. */
    public static MachinePeak detect() {
        String cpuinfo = read(Path.of("/proc/cpuinfo"));
        String lscpu = "";
        try {
            Process p = new ProcessBuilder("lscpu").redirectErrorStream(true).start();
            p.getOutputStream().close();
            lscpu = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                lscpu = "";
            }
        } catch (IOException e) {
            lscpu = ""; // not installed: /proc/cpuinfo alone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MachinePeak m = of(cpuinfo, lscpu, Runtime.getRuntime().availableProcessors());
        String clock = System.getProperty("mrisr.bench.clockGHz");
        String fpc = System.getProperty("mrisr.bench.flopsPerCycle");
        return new MachinePeak(m.cores, m.coresFrom, clock != null ? Double.parseDouble(clock) : m.clockGhz,
                clock != null ? "-Dmrisr.bench.clockGHz" : m.clockFrom, fpc != null ? Integer.parseInt(fpc) : m.flopsPerCycle,
                fpc != null ? "-Dmrisr.bench.flopsPerCycle" : m.flopsFrom);
    }

    /** The peak from the texts of /proc/cpuinfo and lscpu (either may be empty). */
    public static MachinePeak of(String cpuinfo, String lscpu, int processors) {
        int cores;
        String coresFrom;
        String perSocket = field(lscpu, "Core(s) per socket");
        String sockets = field(lscpu, "Socket(s)");
        Set<String> ids = new HashSet<>();
        String physical = "0";
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("physical id")) {
                physical = value(line);
            } else if (line.startsWith("core id")) {
                ids.add(physical + "/" + value(line));
            }
        }
        if (perSocket != null && sockets != null && perSocket.matches("\\d+") && sockets.matches("\\d+")) {
            cores = Integer.parseInt(perSocket) * Integer.parseInt(sockets);
            coresFrom = "lscpu cores per socket x sockets";
        } else if (!ids.isEmpty()) {
            cores = ids.size();
            coresFrom = "/proc/cpuinfo core ids";
        } else {
            cores = processors;
            coresFrom = "JVM available processors";
        }

        double ghz;
        String clockFrom;
        String max = field(lscpu, "CPU max MHz");
        String model = field(cpuinfo, "model name");
        Matcher at = Pattern.compile("@\\s*([0-9.]+)\\s*GHz").matcher(model == null ? "" : model);
        double cpuMhz = cpuinfo.lines().filter(l -> l.startsWith("cpu MHz")).mapToDouble(l -> Double.parseDouble(value(l)))
                .max().orElse(Double.NaN);
        if (max != null && parses(max)) {
            ghz = Double.parseDouble(max) / 1000;
            clockFrom = "lscpu CPU max MHz";
        } else if (at.find()) {
            ghz = Double.parseDouble(at.group(1));
            clockFrom = "model name";
        } else if (!Double.isNaN(cpuMhz)) {
            ghz = cpuMhz / 1000;
            clockFrom = "/proc/cpuinfo cpu MHz; no max clock readable, boost may be higher";
        } else {
            ghz = DEFAULT_CLOCK_GHZ;
            clockFrom = "clock not readable: assumed " + DEFAULT_CLOCK_GHZ + " GHz";
        }

        String flags = field(cpuinfo, "flags");
        String vendor = field(cpuinfo, "vendor_id");
        String family = field(cpuinfo, "cpu family");
        String modelNo = field(cpuinfo, "model");
        Isa isa = flopsPerCycle(vendor == null ? "" : vendor, family == null ? -1 : Integer.parseInt(family),
                modelNo == null || !modelNo.matches("\\d+") ? -1 : Integer.parseInt(modelNo),
                flags == null ? Set.of() : Set.of(flags.trim().split("\\s+")));
        return new MachinePeak(cores, coresFrom, ghz, clockFrom, isa.flopsPerCycle(), isa.why());
    }

    /** Float32 FLOPs per cycle per core and why. */
    record Isa(int flopsPerCycle, String why) {
    }

    /**
     * Float32 FLOPs per cycle per core: vector lanes × 2 (a fused multiply-add is two FLOPs) × FMA units.
     * <ul>
     * <li>AMD family 25 (Zen 3, Zen 4) and 23 from model 0x30 (Zen 2): two 256-bit FMA pipes, 2 × 8 × 2 = 32;
     * Zen 4 runs AVX-512 as two 256-bit halves, so avx512f does not double it;</li>
     * <li>AMD family 23 before model 0x30 (Zen, Zen+): two 128-bit FMA pipes, 16;</li>
     * <li>AMD family 26 (Zen 5) with avx512f: two 512-bit FMA pipes assumed, 64 (some mobile Zen 5 parts
     * have 256-bit datapaths: half);</li>
     * <li>otherwise by flags: avx512f + fma: two 512-bit FMA units assumed, 2 × 16 × 2 = 64 (Xeon Gold 6xxx,
     * Platinum, Ice Lake-SP and later; parts with one AVX-512 FMA unit peak at half); avx2 + fma:
     * two 256-bit FMA units (Haswell and later), 32; avx: a 256-bit add and a 256-bit multiply per cycle,
     * 16; sse2: 4-wide add and multiply, 8;</li>
     * <li>no known flags (e.g. not x86): 0, unknown; no share of peak is printed.</li>
     * </ul>
     */
    static Isa flopsPerCycle(String vendor, int family, int model, Set<String> flags) {
        boolean fma = flags.contains("fma");
        if (vendor.equals("AuthenticAMD") || vendor.equals("HygonGenuine")) {
            if (family == 26 && flags.contains("avx512f")) {
                return new Isa(64, "AMD family 26 (Zen 5) avx512f: 2 x 512-bit FMA pipes assumed");
            }
            if (family == 25 && fma) {
                return new Isa(32, "AMD family 25 (Zen 3/4): 2 x 256-bit FMA pipes"
                        + (flags.contains("avx512f") ? ", AVX-512 runs as two 256-bit halves" : ""));
            }
            if (family == 23 && fma) {
                return model >= 0x30 ? new Isa(32, "AMD family 23 model >= 0x30 (Zen 2): 2 x 256-bit FMA pipes")
                        : new Isa(16, "AMD family 23 model < 0x30 (Zen/Zen+): 2 x 128-bit FMA pipes");
            }
        }
        if (flags.contains("avx512f") && fma) {
            return new Isa(64, "avx512f + fma: 16 lanes x 2 (FMA) x 2 FMA units assumed (one unit: half)");
        }
        if (flags.contains("avx2") && fma) {
            return new Isa(32, "avx2 + fma: 8 lanes x 2 (FMA) x 2 FMA units");
        }
        if (flags.contains("avx")) {
            return new Isa(16, "avx: 8 lanes x (1 add + 1 multiply)");
        }
        if (flags.contains("sse2")) {
            return new Isa(8, "sse2: 4 lanes x (1 add + 1 multiply)");
        }
        return new Isa(0, "ISA not recognised from /proc/cpuinfo flags " + Arrays.toString(flags.toArray()));
    }

    /** The value of the first "name: value" line whose name is {@code name}, or null. */
    private static String field(String text, String name) {
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private static boolean parses(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
