package org.mrisr.engine.compute;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.mrisr.engine.InvalidInputException;

/**
 * The one pool every Java-side parallel loop of the engine runs on ({@link Parallel}, SSIM, the
 * nn layers' float loops, the gzip writer). Its size is the system property
 * {@value #THREADS_PROPERTY} (0 or absent: all cores), the same value that sets ND4J's threads:
 * <ul>
 * <li>KNIME: the mrisr preference page publishes its "threads" setting as this property when KNIME
 * starts and on Apply ({@code org.mrisr.prefs.MrisrPreferences}); {@code -Dmrisr.compute.threads=N}
 * in {@code knime.ini} works too.</li>
 * <li>CLI: {@code MRISR_JAVA_OPTS="-Xmx8g -Dmrisr.compute.threads=N" ./mrisr ...}.</li>
 * <li>{@code ComputeSettings.apply()} publishes its thread count here too, so ND4J and the Java
 * loops always agree.</li>
 * </ul>
 *
 * <p>The property is read at every use, so a change takes effect at the next loop: the pool is
 * rebuilt with the new size (a pool in use by a running loop finishes it; the old pool is not shut
 * down, so a loop that fetched it a moment before the change cannot be refused; its idle workers
 * stay, which costs a few threads per change of the setting, a rare event). This pool, cached per size, is the only global state of the
 * compute package. With one thread no pool exists and loops run on the calling thread.
 *
 * <p>Workers are daemon threads named {@code mrisr-compute-N} whose context class loader is this
 * bundle's (so code under OSGi finds the engine's classes from a worker, as from the caller).
 */
public final class ComputePool {
    /** The system property with the thread count: 0 = all cores, 1 to {@value #MAX_THREADS}. */
    public static final String THREADS_PROPERTY = "mrisr.compute.threads";
    public static final int MAX_THREADS = 1024;
    /** Name prefix of the pool's worker threads. */
    public static final String WORKER_PREFIX = "mrisr-compute-";

    private static final AtomicInteger WORKERS = new AtomicInteger();
    private static ForkJoinPool pool;

    private ComputePool() {
    }

    /**
     * The thread count loops use now: {@value #THREADS_PROPERTY}, with 0 or absent meaning all
     * available processors. A malformed property is bad input naming the property.
     */
    public static int threads() {
        String v = System.getProperty(THREADS_PROPERTY);
        int n = v == null || v.isBlank() ? 0 : parseThreads(THREADS_PROPERTY, v);
        return n == 0 ? Runtime.getRuntime().availableProcessors() : n;
    }

    /** Parses a thread count setting ("0" = all cores, up to {@value #MAX_THREADS}); errors name {@code source}. */
    public static int parseThreads(String source, String text) {
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(source, "'" + text + "' is not a whole number");
        }
        checkThreads(source, n);
        return n;
    }

    /** Refuses a thread count outside 0 (all cores) to {@value #MAX_THREADS}. */
    public static void checkThreads(String source, int n) {
        if (n < 0 || n > MAX_THREADS) {
            throw new InvalidInputException(source, "must be 0 (all cores) to " + MAX_THREADS + ", got " + n);
        }
    }

    /** The pool for the current thread count, or null when it is 1 (run on the caller then). */
    static ForkJoinPool pool() {
        int n = threads();
        if (n == 1) {
            return null;
        }
        synchronized (ComputePool.class) {
            if (pool == null || pool.getParallelism() != n) {
                // workers stay for the pool's life instead of ForkJoinPool's default 60 s keep-alive:
                // a training step's loops would otherwise start fresh threads (and native malloc arenas)
                pool = new ForkJoinPool(n, Worker::new, null, false, n, n + 256, 1, null, 1, TimeUnit.DAYS);
            }
            return pool;
        }
    }

    /**
     * Runs {@code tasks} on the pool and returns when all are done (on the caller, in order, when
     * the thread count is 1). From a worker of the pool the tasks are forked into it, so nested loops
     * do not block a worker; from any other thread they are submitted and the caller waits. Tasks
     * must not throw (callers catch and report, see {@link Parallel}).
     */
    static void invokeAll(RecursiveAction[] tasks) {
        ForkJoinPool p = pool();
        if (p == null) {
            for (RecursiveAction t : tasks) {
                t.invoke();
            }
        } else if (Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == p) {
            ForkJoinTask.invokeAll(tasks);
        } else {
            p.invoke(new RecursiveAction() {
                private static final long serialVersionUID = 1L;

                @Override
                protected void compute() {
                    ForkJoinTask.invokeAll(tasks);
                }
            });
        }
    }

    /**
     * Starts {@code task} on the pool and returns its future; with one thread it runs now, on the
     * caller, and the returned future is done. For producer/consumer pipelines (the gzip writer).
     */
    public static <T> Future<T> submit(Callable<T> task) {
        ForkJoinPool p = pool();
        if (p != null) {
            return p.submit(task);
        }
        FutureTask<T> f = new FutureTask<>(task);
        f.run();
        return f;
    }

    /** A pool worker: daemon, named, with this bundle's class loader as context class loader. */
    private static final class Worker extends ForkJoinWorkerThread {
        Worker(ForkJoinPool p) {
            super(p);
            setName(WORKER_PREFIX + WORKERS.incrementAndGet());
            setDaemon(true);
            setContextClassLoader(ComputePool.class.getClassLoader());
        }
    }
}
