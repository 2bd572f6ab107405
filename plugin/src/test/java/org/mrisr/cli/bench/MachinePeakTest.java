package org.mrisr.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The machine peak from ISA flags, CPU family, clock and cores. */
class MachinePeakTest {
    private static final String ZEN4_FLAGS = "fpu sse sse2 avx fma avx2 avx512f avx512dq avx512bw avx512vl";

    private static int fpc(String vendor, int family, int model, String flags) {
        return MachinePeak.flopsPerCycle(vendor, family, model, Set.of(flags.split(" "))).flopsPerCycle();
    }

    @Test
    void flopsPerCycleFromFlags() {
        // Intel AVX-512 with FMA: 16 lanes × 2 × 2 FMA units
        assertEquals(64, fpc("GenuineIntel", 6, 85, "sse2 avx fma avx2 avx512f"));
        assertEquals(32, fpc("GenuineIntel", 6, 63, "sse2 avx fma avx2"));
        assertEquals(16, fpc("GenuineIntel", 6, 42, "sse2 avx"));
        assertEquals(8, fpc("GenuineIntel", 6, 23, "sse sse2"));
        assertEquals(0, fpc("ARM", -1, -1, "asimd fphp"));
    }

    @Test
    void amdAvx512OnZen4IsDoublePumped() {
        assertEquals(32, fpc("AuthenticAMD", 25, 17, ZEN4_FLAGS));
        assertEquals(64, fpc("AuthenticAMD", 26, 2, ZEN4_FLAGS));
        assertEquals(32, fpc("AuthenticAMD", 23, 0x31, "sse2 avx fma avx2"));
        assertEquals(16, fpc("AuthenticAMD", 23, 1, "sse2 avx fma avx2"));
    }

    /** This project's machine: a 2-core Zen 4 VM whose only clock is /proc/cpuinfo's cpu MHz. */
    @Test
    void kvmEpycFromCpuinfoAndLscpu() {
        String cpu = "";
        for (int c = 0; c < 2; c++) {
            cpu += "processor\t: " + c + "\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 17\n"
                    + "model name\t: AMD EPYC\ncpu MHz\t\t: 2596.136\nphysical id\t: 0\ncore id\t\t: " + c + "\n"
                    + "flags\t\t: " + ZEN4_FLAGS + "\n\n";
        }
        String lscpu = "Architecture: x86_64\nThread(s) per core: 1\nCore(s) per socket: 2\nSocket(s): 1\n";
        MachinePeak p = MachinePeak.of(cpu, lscpu, 2);
        assertEquals(2, p.cores());
        assertEquals(2.596136, p.clockGhz(), 1e-9);
        assertTrue(p.clockFrom().contains("cpu MHz"), p.clockFrom());
        assertEquals(32, p.flopsPerCycle());
        assertEquals(2 * 2.596136 * 32, p.gflops(), 1e-9);
        // without lscpu the core ids count
        assertEquals(2, MachinePeak.of(cpu, "", 8).cores());
    }

    @Test
    void maxClockWinsAndHyperThreadsDoNotCount() {
        String cpu = "vendor_id : GenuineIntel\ncpu family : 6\nmodel : 85\n"
                + "model name : Intel(R) Xeon(R) Gold 6140 CPU @ 2.30GHz\ncpu MHz : 1200.000\n"
                + "flags : sse2 avx fma avx2 avx512f\n";
        String lscpu = "Thread(s) per core: 2\nCore(s) per socket: 18\nSocket(s): 2\nCPU max MHz: 3700.0000\n";
        MachinePeak p = MachinePeak.of(cpu, lscpu, 72);
        assertEquals(36, p.cores());
        assertEquals(3.7, p.clockGhz(), 1e-12);
        assertEquals(36 * 3.7 * 64, p.gflops(), 1e-9);
        // the model name's nominal clock when lscpu has no max
        assertEquals(2.3, MachinePeak.of(cpu, "", 72).clockGhz(), 1e-12);
    }

    @Test
    void unreadableClockIsSaidAndDocumentedDefaultUsed() {
        MachinePeak p = MachinePeak.of("flags : sse2 avx fma avx2\n", "", 4);
        assertEquals(4, p.cores());
        assertTrue(p.coresFrom().contains("JVM"), p.coresFrom());
        assertEquals(MachinePeak.DEFAULT_CLOCK_GHZ, p.clockGhz());
        assertTrue(p.clockFrom().contains("not readable"), p.clockFrom());
        assertTrue(p.describe().contains("not readable"), p.describe());
    }

    @Test
    void unknownIsaGivesNoPeak() {
        MachinePeak p = MachinePeak.of("Features : fp asimd\n", "", 4);
        assertTrue(Double.isNaN(p.gflops()));
        assertTrue(p.describe().contains("unknown"), p.describe());
    }
}
