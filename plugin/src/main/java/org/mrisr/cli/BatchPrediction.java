package org.mrisr.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mrisr.engine.InvalidInputException;
import org.mrisr.engine.OutputFile;
import org.mrisr.engine.nifti.NiftiHeader;
import org.mrisr.engine.nifti.NiftiReader;
import org.mrisr.engine.nifti.NiftiWriter;
import org.mrisr.engine.srgan.PredictMemory;
import org.mrisr.engine.srgan.SrModel;
import org.mrisr.engine.volume.Volume;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Super-resolves many inputs, as a batch on one machine or one job of a cluster array: outputs that exist are
 * skipped (unless overwriting), each output is written atomically (a hidden temporary sibling moved over its name
 * when complete, so an interrupted run leaves no partial file), a failed input is reported on one line
 * {@code error: <file>: <problem>} and the others go on, and a summary line ends the run. Jobs run in parallel up
 * to --jobs, but never more than the heap holds: each input's need is estimated from its header before it is
 * loaded (the engine's {@link PredictMemory#share}: the volume arrays and the window's activations), and every
 * job has its own copy of the model.
 *
 * <p>Exit code: 0 when every output exists afterwards, 2 when an input was bad (unreadable, or too large for the
 * heap), 1 when a job failed otherwise.
 */
final class BatchPrediction {
    /** One input and where its result goes. */
    record Job(Path in, Path out) {
    }

    private enum Outcome {
        WRITTEN, SKIPPED, BAD, FAILED
    }

    private final PredictSetup setup;
    private final List<Job> jobs;
    private final boolean overwrite;
    private final int maxJobs;

    BatchPrediction(final PredictSetup setup, final List<Job> jobs, final boolean overwrite, final int maxJobs)
        throws UsageException {
        if (maxJobs < 1) {
            throw new UsageException("--jobs must be at least 1, got " + maxJobs);
        }
        this.setup = setup;
        this.jobs = jobs;
        this.overwrite = overwrite;
        this.maxJobs = maxJobs;
    }

    /** Runs every job; prints progress and errors on {@code err}, the summary as JSON on {@code out}. */
    int run(final PrintStream out, final PrintStream err) throws InterruptedException {
        long t0 = System.nanoTime();
        Map<Path, List<String>> folders = new LinkedHashMap<>();
        for (Job j : jobs) {
            OutputFile.checkName(j.out(), OutputFile.Kind.NIFTI);
            folders.computeIfAbsent(j.out().toAbsolutePath().getParent(), f -> new ArrayList<>())
                .add(j.out().getFileName().toString());
        }
        // before any model is loaded: every output folder exists or can be created, and is writable
        folders.forEach(OutputFile::checkFolder);
        Map<Job, Outcome> outcome = new LinkedHashMap<>();
        Map<Job, String> errors = new LinkedHashMap<>();
        List<Job> todo = new ArrayList<>();
        for (Job j : jobs) {
            if (!overwrite && Files.exists(j.out())) {
                outcome.put(j, Outcome.SKIPPED);
                err.println("skip: " + j.out() + " exists (--overwrite to redo it)");
            } else {
                outcome.put(j, null);
                todo.add(j);
            }
        }
        List<Job> planned = new ArrayList<>();
        long largest = 0;
        if (!todo.isEmpty()) {
            SrModel first = setup.load(err);
            long budget = Runtime.getRuntime().maxMemory() - usedHeap();
            for (Job j : todo) {
                try {
                    int[] shape = shape(j.in());
                    long need = PredictMemory.share(shape, window(j, shape, first), first.config());
                    if (need > budget) {
                        throw new InvalidInputException(j.in().toString(), "needs about " + PredictMemory.mib(need)
                            + " of Java heap to super-resolve, " + PredictMemory.mib(budget) + " are free: give the JVM "
                            + "more (e.g. MRISR_JAVA_OPTS=-Xmx" + ((need >> 30) + 2) + "g)");
                    }
                    largest = Math.max(largest, need);
                    planned.add(j);
                } catch (InvalidInputException e) {
                    fail(j, Outcome.BAD, e.source() + ": " + e.problem(), outcome, errors, err);
                }
            }
            int parallel = (int)Math.min(Math.min(maxJobs, Math.max(1, planned.size())),
                Math.max(1, budget / Math.max(1, largest)));
            if (!planned.isEmpty()) {
                err.println("predict: " + planned.size() + " input(s), " + parallel + " at a time (about "
                    + PredictMemory.mib(largest) + " each at most, " + PredictMemory.mib(budget) + " of heap free)");
            }
            runAll(planned, parallel, first, outcome, errors, err);
        }
        return summary(outcome, errors, (System.nanoTime() - t0) / 1e9, out, err);
    }

    /** The LR shape from the header alone (no voxels read); a bad header is the file's error. */
    private static int[] shape(final Path lr) {
        NiftiHeader h = NiftiReader.readHeader(lr);
        int[] shape = new int[3];
        for (int a = 0; a < 3; a++) {
            // an impossible size stays impossible (and is refused as too large) instead of wrapping
            shape[a] = (int)Math.min(Integer.MAX_VALUE, h.extent(a + 1));
        }
        return shape;
    }

    /** The window for this input (--max-memory's choice, else --window); a bound too small is this input's error. */
    private int window(final Job j, final int[] shape, final SrModel model) {
        try {
            return setup.optionsFor(shape, model.config()).window();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(j.in().toString(), "--max-memory " + setup.maxMemoryText() + ": "
                + e.problem(), e);
        }
    }

    /** Heap in use now (after the first model was loaded), counted against the batch's budget. */
    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private void runAll(final List<Job> planned, final int parallel, final SrModel first, final Map<Job, Outcome> outcome,
        final Map<Job, String> errors, final PrintStream err) throws InterruptedException {
        ThreadLocal<SrModel> models = new ThreadLocal<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "mrisr-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            boolean[] firstTaken = {false};
            for (Job j : planned) {
                futures.add(pool.submit(() -> {
                    SrModel model = models.get();
                    if (model == null) {
                        synchronized (firstTaken) {
                            model = firstTaken[0] ? setup.loadModel() : first;
                            firstTaken[0] = true;
                        }
                        models.set(model);
                    }
                    predictOne(j, model, outcome, errors, err);
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a batch job escaped its error handling", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One job: read, predict, write atomically; every failure is this input's, reported on one line. */
    private void predictOne(final Job j, final SrModel model, final Map<Job, Outcome> outcome,
        final Map<Job, String> errors, final PrintStream err) {
        try {
            long t0 = System.nanoTime();
            Volume lr = NiftiReader.read(j.in());
            for (String w : setup.warnings(model, lr, j.in())) {
                synchronized (err) {
                    err.println("warning: " + j.in() + ": " + w);
                }
            }
            Volume sr = model.predict(lr, setup.optionsFor(lr.shape(), model.config()));
            Files.createDirectories(j.out().toAbsolutePath().getParent());
            NiftiWriter.write(sr, j.out());
            synchronized (outcome) {
                outcome.put(j, Outcome.WRITTEN);
            }
            synchronized (err) {
                err.printf("predict: %s -> %s (%.1f s)%n", j.in(), j.out(), (System.nanoTime() - t0) / 1e9);
            }
        } catch (InvalidInputException e) {
            fail(j, Outcome.BAD, e.source() + ": " + e.problem(), outcome, errors, err);
        } catch (OutOfMemoryError e) {
            fail(j, Outcome.FAILED, j.in() + ": out of Java heap (" + e.getMessage() + "); give the JVM more (MRISR_JAVA_OPTS"
                + "=-Xmx...) or run fewer --jobs", outcome, errors, err);
        } catch (Exception e) {
            fail(j, Outcome.FAILED, j.in() + ": internal: " + e, outcome, errors, err);
        }
    }

    private static void fail(final Job j, final Outcome o, final String message, final Map<Job, Outcome> outcome,
        final Map<Job, String> errors, final PrintStream err) {
        String line = message.replace('\n', ' ').replace('\r', ' ');
        synchronized (outcome) {
            outcome.put(j, o);
            errors.put(j, line);
        }
        synchronized (err) {
            err.println("error: " + line);
        }
    }

    private static int summary(final Map<Job, Outcome> outcome, final Map<Job, String> errors, final double seconds,
        final PrintStream out, final PrintStream err) {
        JsonObject o = new JsonObject();
        JsonArray written = new JsonArray();
        JsonArray skipped = new JsonArray();
        JsonArray failed = new JsonArray();
        List<String> failedNames = new ArrayList<>();
        boolean bad = false;
        for (Map.Entry<Job, Outcome> e : outcome.entrySet()) {
            Job j = e.getKey();
            switch (e.getValue() == null ? Outcome.FAILED : e.getValue()) {
                case WRITTEN -> written.add(j.out().toString());
                case SKIPPED -> skipped.add(j.out().toString());
                default -> {
                    JsonObject f = new JsonObject();
                    f.addProperty("in", j.in().toString());
                    f.addProperty("error", errors.get(j));
                    failed.add(f);
                    failedNames.add(String.valueOf(j.in().getFileName()));
                    bad |= e.getValue() == Outcome.BAD;
                }
            }
        }
        o.add("written", written);
        o.add("skipped", skipped);
        o.add("failed", failed);
        o.addProperty("seconds", Math.round(seconds * 10) / 10.0);
        out.println(o);
        err.println("summary: " + outcome.size() + " input(s): " + written.size() + " written, " + skipped.size()
            + " skipped (output exists), " + failed.size() + " failed" + (failedNames.isEmpty() ? ""
                : " (" + String.join(", ", failedNames) + ")"));
        return failed.size() == 0 ? Main.OK : bad ? Main.BAD_INPUT : Main.INTERNAL;
    }
}
