package fr.opaline.hl7.mllp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The one memory budget of an MLLP listener, whatever the number of connections. A quarter holds
 * frames being received (beyond their head, which each connection keeps); a frame that finds no
 * room is spooled to a file instead. The rest admits messages to processing, each weighing
 * {@link #PROCESSING_FACTOR} times its size (decoded text, parsed structure): a message waits for
 * its turn, so large ones are processed one or two at a time and small ones are never starved.
 */
public final class MllpMemory implements AutoCloseable {

    /** Heap used while a message is decoded, parsed and stored, per byte received (measured: 3 to 4). */
    public static final int PROCESSING_FACTOR = 4;
    public static final long DEFAULT_BUDGET = 64L * 1024 * 1024;

    private final long receiveBudget;
    private final AtomicLong receiving = new AtomicLong();
    private final int processingKib;
    private final Semaphore processing;
    private final Path spool;

    public MllpMemory(long budgetBytes, Path spoolParent) {
        if (budgetBytes < 4L * 1024 * 1024) {
            throw new IllegalArgumentException("Budget mémoire MLLP trop petit (4 Mo au moins)");
        }
        this.receiveBudget = budgetBytes / 4;
        this.processingKib = (int) Math.min(Integer.MAX_VALUE, (budgetBytes - receiveBudget) / 1024);
        this.processing = new Semaphore(processingKib);
        try {
            Path parent = spoolParent == null ? Path.of(System.getProperty("java.io.tmpdir")) : spoolParent;
            Files.createDirectories(parent);
            this.spool = Files.createTempDirectory(parent, "opaline-mllp-");
        } catch (IOException e) {
            throw new UncheckedIOException("Répertoire de réception MLLP impossible à créer : " + e.getMessage(), e);
        }
    }

    /** Room for {@code bytes} more of a frame being received, or false: spool it to disk. */
    boolean tryReserve(long bytes) {
        while (true) {
            long used = receiving.get();
            if (used + bytes > receiveBudget) {
                return false;
            }
            if (receiving.compareAndSet(used, used + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        receiving.addAndGet(-bytes);
    }

    /** Bytes of received frames held in memory now (beyond their heads). */
    public long receiving() {
        return receiving.get();
    }

    /** The turn of a message of this size to be processed, waiting at most {@code wait}; the permits to give back, or -1. */
    int admit(long size, Duration wait) throws InterruptedException {
        long kib = Math.max(1, size * PROCESSING_FACTOR / 1024);
        int permits = (int) Math.min(processingKib, kib);
        return processing.tryAcquire(permits, wait.toMillis(), TimeUnit.MILLISECONDS) ? permits : -1;
    }

    void done(int permits) {
        processing.release(permits);
    }

    Path newSpoolFile() throws IOException {
        return Files.createTempFile(spool, "trame-", ".hl7");
    }

    /** Files of frames spooled now (for the tests and the trace). */
    public long spooledFiles() {
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.list(spool)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
        spool.toFile().delete();
    }
}
