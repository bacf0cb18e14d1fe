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

    /** What {@link #next()} answers for a line over the cap. */
    static final String TOO_LONG = new String("(too long)");

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;

    BoundedLines(Reader in) {
        this(in, MAX_CHARS);
    }

    BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line; {@link #TOO_LONG} (compare by identity) for one over the cap; null at the end. */
    String next() throws IOException {
        line.setLength(0);
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
        return over || line.length() > maxChars ? TOO_LONG : line.toString();
    }
}
