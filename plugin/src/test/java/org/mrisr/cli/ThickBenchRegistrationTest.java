package org.mrisr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.mrisr.cli.bench.BenchSection;
import org.mrisr.cli.bench.ThickBench;

/** {@code ./mrisr bench --only thick} finds its section and peer (the timing itself is the bench's job). */
class ThickBenchRegistrationTest {
    @Test
    void sectionIsFoundByNameAndItsPeerScriptExists() throws ReflectiveOperationException {
        BenchSection s = BenchCommand.section("thick");
        assertTrue(s instanceof ThickBench, s.getClass().getName());
        assertEquals("thick", s.name());
        Path peer = Path.of(System.getProperty("mrisr.basedir", "plugin")).toAbsolutePath().getParent().resolve("bench/thick_peer.py");
        assertTrue(Files.isRegularFile(peer), peer.toString());
    }
}
