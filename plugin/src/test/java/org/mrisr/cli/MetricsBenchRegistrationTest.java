package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.mrisr.cli.bench.BenchSection;
import org.mrisr.cli.bench.MetricsBench;

/** {@code ./mrisr bench --only metrics} finds its section and peer (the timing itself is the bench's job). */
class MetricsBenchRegistrationTest {
    @Test
    void sectionIsFoundByNameAndItsPeerScriptExists() {
        BenchSection s = BenchCommand.section("metrics");
        assertTrue(s instanceof MetricsBench, s.getClass().getName());
        assertEquals("metrics", s.name());
        // surefire runs in plugin/; the peer lives in the repository's bench/
        Path peer = Path.of(System.getProperty("mrisr.basedir", "plugin")).toAbsolutePath().getParent().resolve("bench/metrics_peer.py");
        assertTrue(Files.isRegularFile(peer), peer.toString());
    }
}
