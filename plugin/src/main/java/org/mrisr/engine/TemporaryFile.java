package org.mrisr.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The one way results reach their final name: written to a temporary sibling
 * {@code .<name>.mrisr-tmp-<16 hex digits>} and moved over the name only when complete, so a failed
 * write never leaves a partial file under it. A temporary is removed by {@link #close()} unless
 * {@link #commit() committed}, by a shutdown hook while it is open (SIGTERM, Ctrl-C: the JVM does
 * not unwind other threads then), and, when a run was killed outright (SIGKILL, power loss), by
 * {@link #removeStale} of a later run to the same output. While open, the temporary is locked, so
 * another process's {@link #removeStale} leaves a temporary that is still being written alone.
 */
public final class TemporaryFile implements AutoCloseable {
    /** What every temporary's name holds between the output's name and the random part. */
    public static final String MARK = ".mrisr-tmp-";

    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    private static final List<CountDownLatch> DEFER = new ArrayList<>();

    static {
        // registered when the class loads, not at the first temporary: a save that starts while the JVM
        // shuts down (training saving on SIGTERM) could not register it any more
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFile::cleanUp, "mrisr-temporaries"));
        } catch (IllegalStateException e) {
            // loaded during shutdown: nothing of this JVM will be left to clean up after
        }
    }

    private final Path target;
    private final Path path;
    private final SeekableByteChannel channel;
    private final FileLock lock;
    private boolean committed;

    private TemporaryFile(Path target, Path path, SeekableByteChannel channel, FileLock lock) {
        this.target = target;
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates and locks a new temporary beside {@code target} (whose folder must exist). Not
     * {@code Files.createTempFile}: its owner-only permissions would survive the move.
     */
    public static TemporaryFile create(Path target) throws IOException {
        Path dir = folderOf(target);
        Path tmp = dir.resolve("." + target.getFileName() + MARK
                + String.format("%016x", ThreadLocalRandom.current().nextLong()));
        SeekableByteChannel ch;
        try {
            ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (UnsupportedOperationException e) {
            // a file system without file channels (e.g. a KNIME connection's): no lock, same pattern
            ch = Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        OPEN.add(tmp);
        try {
            return new TemporaryFile(target, tmp, ch, ch instanceof FileChannel fc ? fc.tryLock() : null);
        } catch (IOException | RuntimeException e) {
            ch.close();
            OPEN.remove(tmp);
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** The temporary's path (for writers that want a path, e.g. an image writer). */
    public Path path() {
        return path;
    }

    /** A stream writing the temporary; closing it does not release the temporary. */
    public OutputStream stream() {
        return new NonClosing(Channels.newOutputStream(channel));
    }

    /** Moves the complete temporary over the target (atomically where the file system can). */
    public void commit() throws IOException {
        if (channel instanceof FileChannel fc) {
            fc.force(false);
        }
        release();
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        OPEN.remove(path);
    }

    /** Removes the temporary unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            release();
            try {
                Files.deleteIfExists(path);
            } finally {
                OPEN.remove(path);
            }
        }
    }

    private void release() throws IOException {
        if (channel.isOpen()) {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            channel.close();
        }
    }

    /** Writes {@code body} through a temporary and commits it. */
    public static void write(Path target, Body body) throws IOException {
        try (TemporaryFile t = create(target)) {
            body.write(t);
            t.commit();
        }
    }

    /** What {@link #write} writes. */
    @FunctionalInterface
    public interface Body {
        void write(TemporaryFile tmp) throws IOException;
    }

    /** Whether {@code file}'s name is a temporary's name for {@code target}. */
    public static boolean isTemporaryOf(Path file, Path target) {
        return file.getFileName() != null && pattern(target).matcher(file.getFileName().toString()).matches();
    }

    /**
     * Deletes the temporaries of {@code target} that a killed run left in its folder: only names of
     * the pattern for that output, not open in this JVM, not locked by another process. Returns them.
     */
    public static List<Path> removeStale(Path target) throws IOException {
        Path dir = folderOf(target);
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        Pattern p = pattern(target);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + glob(target.getFileName().toString()) + MARK + "*")) {
            for (Path f : ds) {
                if (p.matcher(f.getFileName().toString()).matches() && !OPEN.contains(f) && Files.isRegularFile(f)
                        && !lockedElsewhere(f)) {
                    Files.deleteIfExists(f);
                    removed.add(f);
                }
            }
        }
        return removed;
    }

    /**
     * Makes the shutdown hook wait (at most 10 minutes) for {@code latch} before it removes open
     * temporaries: a command that saves its results when interrupted (training) releases it once saved.
     */
    public static void deferShutdownCleanup(CountDownLatch latch) {
        synchronized (DEFER) {
            DEFER.add(latch);
        }
    }

    /** Undoes {@link #deferShutdownCleanup}. */
    public static void undeferShutdownCleanup(CountDownLatch latch) {
        synchronized (DEFER) {
            DEFER.remove(latch);
        }
    }

    private static boolean lockedElsewhere(Path f) {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (UnsupportedOperationException e) {
            return false; // no file locks on this file system: a stale file is only recognised by its name
        } catch (IOException e) {
            // cannot even open it: leave it to the user
            return true;
        }
    }

    private static Pattern pattern(Path target) {
        return Pattern.compile(Pattern.quote("." + target.getFileName() + MARK) + "[0-9a-f]{16}");
    }

    /** The name with glob metacharacters escaped. */
    private static String glob(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    private static Path folderOf(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    /** The shutdown hook: waits for deferring savers, then removes every temporary still open. */
    static void cleanUp() {
        List<CountDownLatch> wait;
        synchronized (DEFER) {
            wait = new ArrayList<>(DEFER);
        }
        for (CountDownLatch l : wait) {
            try {
                l.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Path p : new ArrayList<>(OPEN)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // shutting down: nothing else to do
            }
        }
    }

    /** Keeps a writer's close() from closing the channel (commit and close do that). */
    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
