package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.mrisr.cli.bench.BenchSection;
import org.mrisr.cli.bench.SrganBench;

/** {@code ./mrisr bench --only srgan} finds its section and peer (the timing itself is the bench's job). */
class SrganBenchRegistrationTest {
    @Test
    void sectionIsFoundByNameAndItsPeerScriptExists() {
        BenchSection s = BenchCommand.section("srgan");
        assertTrue(s instanceof SrganBench, s.getClass().getName());
        assertEquals("srgan", s.name());
        // surefire runs in plugin/; the peer lives in the repository's bench/
        Path peer = Path.of(System.getProperty("mrisr.basedir", "plugin")).toAbsolutePath().getParent().resolve("bench/srgan_peer.py");
        assertTrue(Files.isRegularFile(peer), peer.toString());
    }
}
