package org.mrisr.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.mrisr.testutil.Python;

/** Children's results, their pinned threads and their peak RSS read from outside. */
class ChildProcessTest {
    @Test
    void peakRssIsTheChildsHighWaterMarkAndThreadsArePinned() throws Exception {
        Python.require("json");
        // touches 150 MB, frees it, then reports (peer_common.report's protocol): the peak outlives the free
        String script = "import json, os, sys\n"
                + "b = b'\\x01' * (150 * 1024 * 1024)\n"
                + "del b\n"
                + "print('noise before the result')\n"
                + "print(json.dumps({'omp': int(os.environ['OMP_NUM_THREADS']),"
                + " 'mkl': int(os.environ['MKL_NUM_THREADS'])}), flush=True)\n"
                + "sys.stdin.read()\n";
        JsonObject r = ChildProcess.run("test child", List.of(Python.INTERPRETER, "-c", script), 3);
        assertEquals(3, r.get("omp").getAsInt());
        assertEquals(3, r.get("mkl").getAsInt());
        double peak = r.get("peakRssMb").getAsDouble();
        assertTrue(peak >= 150 && peak < 1000, "peak " + peak);
    }

    @Test
    void variablesOnlyMrisrGetsAreRemovedForTheChild() throws Exception {
        Python.require("json");
        // PATH stands in for the launcher's variable: every test JVM has it
        String script = "import json, os, sys\n"
                + "print(json.dumps({'has': 'PATH' in os.environ, 'omp': os.environ['OMP_NUM_THREADS']}), flush=True)\n"
                + "sys.stdin.read()\n";
        JsonObject kept = ChildProcess.run("test child", List.of(Python.INTERPRETER, "-c", script), 1);
        JsonObject removed = ChildProcess.run("test child", List.of(Python.INTERPRETER, "-c", script), 1, List.of("PATH"));
        assertTrue(kept.get("has").getAsBoolean());
        assertFalse(removed.get("has").getAsBoolean());
        assertEquals("1", removed.get("omp").getAsString());
        // what the peers lose is what the launcher sets
        String launcher = Files.readString(Path.of("..", "mrisr"));
        for (String v : PythonPeer.MRISR_ONLY_ENV) {
            assertTrue(launcher.contains("export " + v + "="), v + " not set by ./mrisr");
        }
    }

    @Test
    void childWithoutResultFailsWithItsStderr() {
        Python.require("sys");
        IOException e = assertThrows(IOException.class, () -> ChildProcess.run("test child",
                List.of(Python.INTERPRETER, "-c", "import sys; sys.stderr.write('no data here'); sys.exit(3)"), 1));
        assertTrue(e.getMessage().contains("test child") && e.getMessage().contains("no data here"), e.getMessage());
    }

    @Test
    void vmHwmIsParsedInMib() throws IOException {
        assertEquals(1.5, ChildProcess.vmHwmMb(List.of("Name:\tjava", "VmPeak:\t  9999 kB", "VmHWM:\t    1536 kB")));
        assertThrows(IOException.class, () -> ChildProcess.vmHwmMb(List.of("Name:\tzombie")));
    }
}
