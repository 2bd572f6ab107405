package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.testutil.RealData;

/** predict --max-memory: the window it picks keeps the peak below the bound, measured. */
class PredictMaxMemoryTest {
    @Test
    void sizesParse() throws Exception {
        assertEquals(1536L << 20, new Args(new String[] {"--max-memory", "1.5g"}).size("max-memory"));
        assertEquals(1500L << 20, new Args(new String[] {"--max-memory", "1500M"}).size("max-memory"));
        assertThrows(UsageException.class, () -> new Args(new String[] {"--max-memory", "-2g"}).size("max-memory"));
    }

    @Test
    void theChosenWindowKeepsTheBound(@TempDir Path dir) throws Exception {
        Path time = Path.of("/usr/bin/time");
        assumeTrue(Files.isExecutable(time), "needs /usr/bin/time");
        Path lr = dir.resolve("lr.nii.gz");
        NiftiWriter.write(NiftiReader.read(RealData.mricron("ch2bet.nii.gz")).crop(50, 60, 50, 64, 64, 48), lr);
        Path launcher = Path.of(System.getProperty("mrisr.basedir", "plugin")).toAbsolutePath().getParent().resolve("mrisr");
        String bound = "900m";
        Process p = new ProcessBuilder(List.of(time.toString(), "-v", launcher.toString(), "predict", "--factor", "2",
                "--in", lr.toString(), "--out", dir.resolve("sr.nii.gz").toString(), "--max-memory", bound))
                        .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);
        Matcher chosen = Pattern.compile("--max-memory 900m: window (\\d+)").matcher(log);
        assertTrue(chosen.find(), log);
        Matcher rss = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)").matcher(log);
        assertTrue(rss.find(), log);
        long peak = Long.parseLong(rss.group(1)) << 10;
        assertTrue(peak <= 900L << 20, "peak " + (peak >> 20) + " MiB over " + bound
                + " with window " + chosen.group(1));
    }
}
