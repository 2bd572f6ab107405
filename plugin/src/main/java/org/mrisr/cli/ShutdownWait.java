package org.mrisr.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A shutdown hook for long commands: on Ctrl-C or SIGTERM it runs {@code onShutdown} (typically: set a stop
 * flag) and then holds the JVM's exit until {@link #close()} (at most 10 minutes), so the work in hand can stop
 * after its current step and save what it has. Closing releases a running hook and removes an idle one.
 */
final class ShutdownWait implements AutoCloseable {
    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread hook;

    ShutdownWait(String name, Runnable onShutdown) {
        hook = new Thread(() -> {
            onShutdown.run();
            try {
                released.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Counts down on {@link #close()}: for others that must also wait for the work in hand. */
    CountDownLatch released() {
        return released;
    }

    @Override
    public void close() {
        released.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down (Ctrl-C): the hook is running and now released
        }
    }
}
