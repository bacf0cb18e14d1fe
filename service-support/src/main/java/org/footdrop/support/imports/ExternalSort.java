package org.footdrop.support.imports;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * Sorts lines of any number by key with bounded memory: lines are gathered up to a budget, sorted
 * and written as a run file; the runs are then merged. Disk holds the lines once (plus keys), and
 * the runs stay until the job is finished, so an interrupted job merges them again.
 */
final class ExternalSort {

    /** One sorted line: its key, its number in the file and the line itself. */
    record Entry(String key, long number, String line) {

        static final Comparator<Entry> ORDER = Comparator.comparing(Entry::key).thenComparingLong(Entry::number);

        String encode() {
            return key + '\t' + number + '\t' + line;
        }

        static Entry decode(String text) {
            int first = text.indexOf('\t');
            int second = text.indexOf('\t', first + 1);
            return new Entry(
                    text.substring(0, first),
                    Long.parseLong(text.substring(first + 1, second)),
                    text.substring(second + 1));
        }
    }

    private final Path directory;
    private final long budgetChars;
    private final List<Entry> buffer = new ArrayList<>();
    private long bufferedChars;
    private int runs;

    /**
     * @param directory the job's own directory, holding only its runs
     * @param budgetChars how many characters of lines to hold in memory before writing a run
     */
    ExternalSort(Path directory, long budgetChars) {
        this.directory = directory;
        this.budgetChars = budgetChars;
        try {
            Files.createDirectories(directory);
            try (Stream<Path> existing = Files.list(directory)) {
                runs = (int) existing.filter(p -> p.getFileName().toString().startsWith("run-"))
                        .count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(String key, long number, String line) {
        if (key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a sort key holds no tab or newline");
        }
        buffer.add(new Entry(key, number, line));
        bufferedChars += key.length() + line.length() + 24;
        if (bufferedChars >= budgetChars) {
            flush();
        }
    }

    /** Writes what is still in memory as the last run. */
    void finish() {
        flush();
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        buffer.sort(Entry.ORDER);
        Path run = directory.resolve("run-%06d".formatted(runs++));
        Path partial = directory.resolve("partial-run");
        try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (Entry entry : buffer) {
                writer.write(entry.encode());
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            // A run exists whole or not at all: a crash mid-write leaves only the partial file.
            Files.move(partial, run, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
        bufferedChars = 0;
    }

    /** Every line written, in key order; close it to release the runs' files. */
    static Merge merge(Path directory) {
        return new Merge(directory);
    }

    /** The k-way merge of a job's runs. */
    static final class Merge implements Iterator<Entry>, Closeable {

        private record Head(Entry entry, BufferedReader reader) {}

        private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::entry, Entry.ORDER));
        private final List<BufferedReader> readers = new ArrayList<>();

        private Merge(Path directory) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path run : files.filter(p -> p.getFileName().toString().startsWith("run-"))
                        .sorted()
                        .toList()) {
                    BufferedReader reader = Files.newBufferedReader(run, StandardCharsets.UTF_8);
                    readers.add(reader);
                    advance(reader);
                }
            } catch (IOException e) {
                close();
                throw new UncheckedIOException(e);
            }
        }

        private void advance(BufferedReader reader) throws IOException {
            String text = reader.readLine();
            if (text != null) {
                heads.add(new Head(Entry.decode(text), reader));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Entry next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            try {
                advance(head.reader());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return head.entry();
        }

        @Override
        public void close() {
            for (BufferedReader reader : readers) {
                try {
                    reader.close();
                } catch (IOException e) {
                    // closing a read-only file: nothing to lose
                }
            }
        }
    }
}
