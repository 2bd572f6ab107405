package org.mrisr.engine.srgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackendTest {
    @Test
    void startsOnCpuWithoutWarningWhenCudaIsNotInstalled() {
        List<String> warnings = new ArrayList<>();
        assertFalse(Backend.onClassPath(Backend.CUDA_BACKEND), "test class path has no CUDA backend");
        assertEquals("CPU", Backend.start(0, 0, warnings::add));
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void warnsOnceWhenAnInstalledCudaBackendFellBackToCpu() {
        // what ND4J leaves behind when the CUDA natives fail to load: the CPU backend is active
        String w = Backend.fallbackWarning(true, "org.nd4j.linalg.cpu.nativecpu.CpuBackend");
        assertNotNull(w);
        assertTrue(w.contains("CUDA") && w.contains("CPU"));
        assertNull(Backend.fallbackWarning(true, Backend.CUDA_BACKEND));
        assertNull(Backend.fallbackWarning(false, "org.nd4j.linalg.cpu.nativecpu.CpuBackend"));
    }
}
