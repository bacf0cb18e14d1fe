package org.footdrop.support.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeptNotesTest {

    record Item(String fact, String note) {}

    private static List<Item> keep(List<Item> sent, List<Item> stored) {
        return KeptNotes.keep(
                sent,
                stored,
                Item::note,
                Item::note,
                (a, b) -> a.fact().equals(b.fact()),
                (item, note) -> new Item(item.fact(), note));
    }

    @Test
    void shouldKeepTheStoredNoteOfTheSameFactAtTheSamePositionOnly() {
        List<Item> stored = List.of(new Item("A", "note a"), new Item("B", "note b"), new Item("C", null));

        List<Item> kept = keep(
                List.of(new Item("A", null), new Item("X", null), new Item("C", null), new Item("D", null)), stored);

        assertThat(kept)
                .containsExactly(
                        new Item("A", "note a"), // same fact, same place
                        new Item("X", null), // another fact in B's place: B's note is not X's
                        new Item("C", null), // nothing to keep
                        new Item("D", null)); // nothing stored there
    }

    @Test
    void shouldLetASentNoteWinAndLeaveNoListAsNone() {
        assertThat(keep(List.of(new Item("A", "new")), List.of(new Item("A", "old"))))
                .containsExactly(new Item("A", "new"));
        assertThat(keep(null, List.of(new Item("A", "old")))).isNull();
        assertThat(keep(List.of(new Item("A", null)), null)).containsExactly(new Item("A", null));
    }
}
