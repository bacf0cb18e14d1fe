package org.footdrop.support.imports;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of an uploaded file, each held only up to a cap: a longer line (a file without line
 * breaks, say) is read through to its end and reported as too long, so one line cannot fill the heap.
 * Lines end at {@code \n}; a {@code \r} before it is dropped, as {@code BufferedReader} drops it.
 */
final class BoundedLines {

    /** Twice the per-record API's 64 KiB body, which leaves room for a line's kind, key and fields. */
    static final int MAX_CHARS = 128 * 1024;

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private boolean tooLong;

    BoundedLines(Reader in) {
        this(in, MAX_CHARS);
    }

    BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, empty for one over the cap ({@link #tooLong()}); null at the end. */
    String next() throws IOException {
        line.setLength(0);
        tooLong = false;
        boolean read = false;
        boolean over = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return read ? finish(over) : null;
                }
            }
            read = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (!over) {
                line.append(buffer, start, position - start);
                if (line.length() > maxChars + 1) { // one more for a \r before the \n
                    over = true;
                    line.setLength(0);
                }
            }
            if (position < limit) {
                position++; // the \n
                return finish(over);
            }
        }
    }

    private String finish(boolean over) {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        tooLong = over || line.length() > maxChars;
        return tooLong ? "" : line.toString();
    }

    /** Whether the line {@link #next()} answered last was over the cap (and answered empty). */
    boolean tooLong() {
        return tooLong;
    }
}
