package org.mrisr.engine.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mrisr.engine.InvalidInputException;

/** The compute pool runs loops on exactly the configured number of its own threads. */
class ComputePoolTest {
    /** Threads seen by a loop of many short chunks. */
    private static Set<Thread> threadsSeen(int chunks) {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        Parallel.forChunks(chunks, chunks, (from, to) -> {
            seen.add(Thread.currentThread());
            sleep(2);
        });
        return seen;
    }

    /** Runs {@code parties} chunks that all wait for each other: only passes if they run at once. */
    private static Set<Thread> concurrently(int parties) {
        CyclicBarrier barrier = new CyclicBarrier(parties);
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        Parallel.forChunks(parties, parties, (from, to) -> {
            seen.add(Thread.currentThread());
            try {
                barrier.await(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("fewer than " + parties + " chunks ran at once", e);
            }
        });
        return seen;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertPoolWorkers(Set<Thread> seen) {
        for (Thread t : seen) {
            assertTrue(t.getName().startsWith(ComputePool.WORKER_PREFIX) && t.isDaemon(), t.getName());
        }
    }

    @Test
    void loopsUseExactlyTheConfiguredThreadCount() throws Exception {
        Threads.with(3, () -> {
            assertEquals(3, ComputePool.threads());
            Set<Thread> three = concurrently(3);
            assertEquals(3, three.size());
            assertPoolWorkers(three);
            Set<Thread> many = threadsSeen(200);
            assertTrue(many.size() <= 3, "at most 3 workers, saw " + many.size());
            assertPoolWorkers(many);
            return null;
        });
        // a new count takes effect at the next loop
        Threads.with(2, () -> {
            Set<Thread> two = concurrently(2);
            assertEquals(2, two.size());
            Set<Thread> many = threadsSeen(200);
            assertTrue(many.size() <= 2, "at most 2 workers, saw " + many.size());
            assertPoolWorkers(many);
            return null;
        });
        Threads.with(1, () -> {
            assertEquals(Set.of(Thread.currentThread()), threadsSeen(50), "one thread: the caller runs the loop");
            return null;
        });
        Threads.with(0, () -> {
            assertEquals(Runtime.getRuntime().availableProcessors(), ComputePool.threads(), "0 = all cores");
            return null;
        });
    }

    @Test
    void nestedLoopsCompleteOnTheSamePool() throws Exception {
        Threads.with(2, () -> {
            AtomicInteger cells = new AtomicInteger();
            Set<Thread> seen = ConcurrentHashMap.newKeySet();
            Parallel.forChunks(8, 8, (a0, a1) -> Parallel.forChunks(8, 8, (b0, b1) -> {
                seen.add(Thread.currentThread());
                cells.incrementAndGet();
            }));
            assertEquals(64, cells.get());
            assertTrue(seen.size() <= 2, seen.toString());
            assertPoolWorkers(seen);
            return null;
        });
    }

    @Test
    void everyIndexIsVisitedOnceWhateverTheCut() throws Exception {
        for (int threads : new int[] {1, 3}) {
            for (int n : new int[] {0, 1, 2, 7, 1000}) {
                int[] hits = new int[n];
                Threads.with(threads, () -> {
                    Parallel.forRange(n, (from, to) -> {
                        for (int i = from; i < to; i++) {
                            hits[i]++;
                        }
                    });
                    return null;
                });
                int[] once = new int[n];
                Arrays.fill(once, 1);
                assertArrayEquals(once, hits, "n=" + n + ", threads=" + threads);
            }
        }
    }

    @Test
    void bodyExceptionsArriveUnchangedOnTheCaller() throws Exception {
        InvalidInputException thrown = new InvalidInputException("volume", "bad voxel");
        Threads.with(3, () -> {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Parallel.forChunks(12, 12, (from, to) -> {
                if (from == 5) {
                    throw thrown;
                }
            }));
            assertSame(thrown, e);
            return null;
        });
    }

    @Test
    void sortEqualsArraysSort() throws Exception {
        Random r = new Random(3);
        float[] a = new float[300_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 1000 == 0 ? Float.NaN : i % 777 == 0 ? -0f : (float) r.nextGaussian();
        }
        float[] expected = a.clone();
        Arrays.sort(expected);
        for (int threads : new int[] {1, 3}) {
            float[] b = a.clone();
            Threads.with(threads, () -> {
                Parallel.sort(b);
                return null;
            });
            assertArrayEquals(expected, b, "threads=" + threads);
        }
    }

    @Test
    void badSettingNamesTheProperty() throws Exception {
        Threads.withSetting("many", () -> {
            InvalidInputException e = assertThrows(InvalidInputException.class, ComputePool::threads);
            assertEquals(ComputePool.THREADS_PROPERTY, e.source());
            return null;
        });
        Threads.withSetting("-2", () -> {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Parallel.forRange(10, (from, to) -> { }));
            assertTrue(e.problem().contains("0 (all cores) to 1024"), e.problem());
            return null;
        });
    }
}
