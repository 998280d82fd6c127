package vn.vnn.household.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads an import's file on a thread of its own and hands its households over in chunks, at most one chunk ahead of
 * the one being stored (and one being built). A failure to read (an unreadable file, a limit passed) reaches the taker after the chunks read
 * before it; the households of a chunk not yet complete when it happened are left out, as the job's report says.
 * Closing stops the reading.
 */
final class ChunkReader implements AutoCloseable {

    /** Households in file order, each with the number of data rows read up to and including its own. */
    record Chunk(List<HouseholdRows.Imported> households, List<Integer> rowsAfter) {
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> handedOver = new ArrayBlockingQueue<>(1);
    private final Thread thread;
    private volatile boolean closed;

    private ChunkReader(ImportRun run, int chunkSize) {
        thread = new Thread(() -> read(run, chunkSize), "household-import-reader-" + run.id());
        thread.setDaemon(true);
    }

    static ChunkReader start(ImportRun run, int chunkSize) {
        ChunkReader reader = new ChunkReader(run, chunkSize);
        reader.thread.start();
        return reader;
    }

    /** The next chunk; null after the last. Throws what stopped the reading. */
    Chunk next() {
        Object item;
        try {
            item = handedOver.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the file to be read", e);
        }
        if (item == END) {
            handedOver.offer(END);
            return null;
        }
        if (item instanceof RuntimeException failure) {
            throw failure;
        }
        if (item instanceof Error error) {
            throw error;
        }
        return (Chunk) item;
    }

    @Override
    public void close() {
        closed = true;
        handedOver.clear();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(ImportRun run, int chunkSize) {
        List<HouseholdRows.Imported> households = new ArrayList<>();
        List<Integer> rowsAfter = new ArrayList<>();
        int[] rowsSeen = {0};
        try {
            HouseholdRows[] rows = {null};
            TabularFile.read(run.format(), run.file(), (rowNumber, cells) -> {
                if (rows[0] == null) {
                    rows[0] = new HouseholdRows(cells, household -> {
                        rowsSeen[0] += household.rows().size();
                        households.add(household);
                        rowsAfter.add(rowsSeen[0]);
                        if (households.size() >= chunkSize) {
                            handOver(new Chunk(List.copyOf(households), List.copyOf(rowsAfter)));
                            households.clear();
                            rowsAfter.clear();
                        }
                    });
                } else {
                    rows[0].row(rowNumber, cells);
                }
            });
            if (rows[0] != null) {
                rows[0].finish();
            }
            if (!households.isEmpty()) {
                handOver(new Chunk(List.copyOf(households), List.copyOf(rowsAfter)));
            }
            handOver(END);
        } catch (Stopped stopped) {
            // The taker has gone: nothing is waiting for the rest.
        } catch (RuntimeException | Error failure) {
            try {
                handOver(failure);
            } catch (Stopped stopped) {
                // as above
            }
        }
    }

    /** Waits for room, giving up once the taker has closed the reader. */
    private void handOver(Object item) {
        try {
            while (!handedOver.offer(item, 200, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        if (closed) {
            throw new Stopped();
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
