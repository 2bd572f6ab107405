package org.mrisr.nodes.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Nodes train and predict through the engine's srgan API (the training job, the model's predict),
 * never through the network layers: no main class under {@code org.mrisr.nodes} names
 * {@code org.mrisr.engine.nn}. (The learner's own validation once did; the engine's replaced it.)
 */
class NodesAvoidNetworkInternalsTest {
    @Test
    void noNodeClassUsesEngineNn() throws IOException {
        Path nodes = Path.of(System.getProperty("mrisr.basedir", "plugin"), "src/main/java/org/mrisr/nodes");
        assertTrue(Files.isDirectory(nodes), nodes.toAbsolutePath().toString());
        List<String> offenders;
        try (Stream<Path> files = Files.walk(nodes)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("org.mrisr.engine.nn.");
                } catch (IOException e) {
                    throw new IllegalStateException(p + ": " + e.getMessage(), e);
                }
            }).map(p -> nodes.relativize(p).toString()).sorted().toList();
        }
        assertEquals(List.of(), offenders);
    }
}
