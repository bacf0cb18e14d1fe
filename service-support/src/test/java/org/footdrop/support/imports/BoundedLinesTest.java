package org.footdrop.support.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

    @Test
    void shouldReadLinesAsBufferedReaderDoesWithCrlfEmptyLinesAndNoFinalBreak() throws IOException {
        assertThat(lines("a\r\n\nbc\nd", 10)).containsExactly("a", "", "bc", "d");
        assertThat(lines("a\n", 10)).containsExactly("a");
        assertThat(lines("", 10)).isEmpty();
    }

    @Test
    void shouldReportALineOverTheCapAndGoOnWithTheNext() throws IOException {
        String longLine = "x".repeat(25_000); // over several of the reader's buffers
        List<String> read = new ArrayList<>();
        BoundedLines lines = new BoundedLines(new StringReader("ok\n" + longLine + "\nafter\n" + "y".repeat(11)), 10);
        for (String line = lines.next(); line != null; line = lines.next()) {
            read.add(lines.tooLong() ? "TOO_LONG" : line);
        }

        assertThat(read).containsExactly("ok", "TOO_LONG", "after", "TOO_LONG");
    }

    @Test
    void shouldTakeALineOfExactlyTheCapWithOrWithoutACarriageReturn() throws IOException {
        String ten = "z".repeat(10);

        assertThat(lines(ten + "\r\n" + ten + "\n" + ten, 10)).containsExactly(ten, ten, ten);
    }

    private static List<String> lines(String text, int cap) throws IOException {
        List<String> read = new ArrayList<>();
        BoundedLines lines = new BoundedLines(new StringReader(text), cap);
        for (String line = lines.next(); line != null; line = lines.next()) {
            read.add(lines.tooLong() ? "TOO_LONG" : line);
        }
        return read;
    }
}
