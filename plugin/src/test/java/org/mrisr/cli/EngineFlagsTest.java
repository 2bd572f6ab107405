package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.compute.Threads;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.testutil.RealData;

/** Engine errors name engine parameters; the command line shows the flag that sets them. */
class EngineFlagsTest {
    @Test
    void parameterBecomesTheCommandsFlag() throws UsageException {
        Args args = new Args(new String[] {"--patch", "32"});
        args.string("patch");
        args.string("factor");
        assertEquals("--patch", EngineFlags.source("patch size", args));
        assertEquals("--patch", EngineFlags.source("HR patch", args));
        assertEquals("--factor", EngineFlags.source("factor", args), "a flag the command has, even when not given");
        assertEquals("window", EngineFlags.source("window", args), "this command has no --window");
        assertEquals("/data/lr.nii.gz", EngineFlags.source("/data/lr.nii.gz", args), "files stay as they are");
        assertEquals("factor", EngineFlags.source("factor", null), "no arguments parsed");
    }

    @Test
    void commandsShowFlagsForEngineErrors(@TempDir Path dir) throws Exception {
        Path hr = dir.resolve("hr.nii.gz");
        NiftiWriter.write(NiftiReader.read(RealData.mricron("ch2bet.nii.gz")).crop(60, 70, 60, 32, 32, 32), hr);
        MainTest.Run r = MainTest.run("interpolate", "--in", hr.toString(), "--out", dir.resolve("o.nii").toString(),
                "--factor", "0.001");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --factor: zoom factor 0.001 shrinks axis x"), r.err());
        r = MainTest.run("evaluate", "--hr", hr.toString(), "--factor", "2", "--blocks", "50,1,1");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: --blocks: axis x of 32 voxels cannot be cut into 50 blocks"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void badComputeThreadsSettingIsBadInput(@TempDir Path dir) throws Exception {
        Path hr = dir.resolve("hr.nii");
        NiftiWriter.write(NiftiReader.read(RealData.mricron("ch2bet.nii.gz")).crop(60, 70, 60, 32, 32, 32), hr);
        MainTest.Run r = Threads.withSetting("many", () -> MainTest.run("degrade", "--in", hr.toString(), "--out",
                dir.resolve("lr.nii").toString(), "--factor", "2"));
        assertEquals(2, r.code(), r.err());
        assertEquals("error: mrisr.compute.threads: 'many' is not a whole number", r.err().strip());
    }
}
