package org.mrisr.cli.bench;

import java.io.PrintStream;
import java.util.List;

/** One group of {@code ./mrisr bench} figures, selected with {@code --only <name>}. */
public interface BenchSection {
    /** io, ops, metrics, srgan or thick. */
    String name();

    /**
     * Measures mrisr and its Python peer (run through {@link PythonPeer}) in the same run, as
     * {@code options} say. Progress goes to {@code log}; never to stdout.
     */
    List<BenchRow> run(PrintStream log, BenchOptions options) throws Exception;
}
