package org.mrisr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.OutputFile;

/**
 * {@code thick-slice --in DIR --out DIR}: every NIfTI file of a folder refined into another, under the batch rules
 * of {@code predict}'s folder form: existing outputs are skipped (unless --overwrite), each output is written
 * atomically, a bad file is reported on one line {@code error: <file>: <problem>} and the others go on, and a summary
 * line ends the run. One scan at a time: each already trains on every core, and memory stays that of one scan.
 *
 * <p>Ctrl-C (or SIGTERM) stops the batch cleanly: the scan in training is refined with what was learnt and
 * written (as a single scan would be), the scans after it are not started and the summary counts them.
 *
 * <p>Exit code: 0 when every output exists afterwards, 2 when an input was bad, 1 when a scan failed otherwise
 * (or the run was interrupted).
 */
final class ThickSliceFolder {
    private ThickSliceFolder() {
    }

    static int run(ThickSliceCommand command, Path inDir, Path outDir, ThickSliceCommand.Request q, CommandFiles files,
            boolean overwrite, PrintStream out, PrintStream err) throws Exception {
        if (q.saveModel() != null) {
            throw new UsageException("--save-model writes one network; with a folder --in, refine each scan without it "
                    + "(or run the command per file)");
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new InvalidInputException(outDir.toString(), "is a file; with a folder --in, --out must be a folder");
        }
        List<Path> scans = scans(inDir);
        if (scans.isEmpty()) {
            throw new InvalidInputException(inDir.toString(), "holds no .nii or .nii.gz file");
        }
        files.inputs(scans);
        List<String> names = new ArrayList<>();
        for (Path s : scans) {
            names.add(s.getFileName().toString());
        }
        // before any training: the output folder exists or can be created, is writable, and no name is a folder
        OutputFile.checkFolder(outDir, names);
        Files.createDirectories(outDir);
        int written = 0;
        int skipped = 0;
        int notStarted = 0;
        List<String> bad = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        // once the JVM shuts down no scan may start (its own hooks could not be registered): the batch ends after
        // the scan in hand, which this hook waits for as that scan's own hook does
        AtomicBoolean interrupted = new AtomicBoolean();
        try (ShutdownWait hook = new ShutdownWait("mrisr-thick-slice-batch-interrupt", () -> interrupted.set(true))) {
            for (Path scan : scans) {
                if (interrupted.get()) {
                    notStarted++;
                    continue;
                }
                Path target = outDir.resolve(scan.getFileName().toString());
                if (!overwrite && Files.exists(target)) {
                    err.println("skip: " + target + " exists (--overwrite to redo it)");
                    skipped++;
                    continue;
                }
                try {
                    int code = command.refine(scan, target, q, files, out, err);
                    if (code != Main.OK) {
                        failed.add(scan.getFileName().toString());
                        interrupted.set(true); // interrupted while refining: no further scan starts
                        continue;
                    }
                    written++;
                } catch (InvalidInputException e) {
                    err.println("error: " + oneLine(e.source() + ": " + e.problem()));
                    bad.add(scan.getFileName().toString());
                } catch (OutOfMemoryError | Exception e) {
                    err.println("error: " + oneLine(scan + ": internal: " + e));
                    failed.add(scan.getFileName().toString());
                }
            }
            List<String> failures = new ArrayList<>(bad);
            failures.addAll(failed);
            err.println("summary: " + scans.size() + " input(s): " + written + " written, " + skipped
                    + " skipped (output exists), " + failures.size() + " failed"
                    + (failures.isEmpty() ? "" : " (" + String.join(", ", failures) + ")")
                    + (notStarted > 0 ? ", " + notStarted + " not started (interrupted; rerun to do them)" : ""));
            return !failed.isEmpty() || notStarted > 0 ? Main.INTERNAL : !bad.isEmpty() ? Main.BAD_INPUT : Main.OK;
        }
    }

    /** The folder's .nii and .nii.gz files (not hidden ones: temporaries), sorted by name. */
    private static List<Path> scans(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return !n.startsWith(".") && (n.endsWith(".nii") || n.endsWith(".nii.gz"));
                    })
                    .sorted()
                    .toList();
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
