package org.mrisr.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.mrisr.testutil.Python;
import org.mrisr.testutil.RealData;

/** The ops bench peer on a small real file (the full bench runs via ./mrisr bench --only ops). */
class OpsBenchTest {

    @Test
    void peerTimesScipyOnTheSameOperations() throws Exception {
        Python.require("nibabel", "scipy");
        Path nii = RealData.nibabelData().resolve("anatomical.nii");
        // the peer as ./mrisr bench runs it (PythonPeer looks in $MRISR_HOME/bench, unset under Maven)
        Path script = Path.of(System.getProperty("mrisr.basedir", "plugin")).toAbsolutePath().getParent()
                .resolve("bench/ops_peer.py");
        ProcessBuilder pb = new ProcessBuilder(Python.INTERPRETER, script.toString(), "--repeats", "1", nii.toString());
        pb.environment().putAll(ChildProcess.env(1));
        Process p = pb.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close(); // peers wait for end of input after their result (peer_common.report)
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        JsonObject peer = new JsonParser().parse(out.substring(out.lastIndexOf('\n') + 1)).getAsJsonObject();
        assertTrue(peer.get("peer").getAsString().startsWith("scipy "));
        JsonObject v = peer.getAsJsonObject("volumes").getAsJsonObject("anatomical.nii");
        assertTrue(v.get("degrade_x2_s").getAsDouble() > 0);
        assertTrue(v.get("upsample_x2_s").getAsDouble() > 0);
        assertEquals("[33,41,25]", v.get("shape").toString());
        assertEquals("[16,20,12]", v.get("lr_shape").toString());
        assertEquals("[32,40,24]", v.get("up_shape").toString());
        assertEquals("ops", new OpsBench().name());
    }
}
