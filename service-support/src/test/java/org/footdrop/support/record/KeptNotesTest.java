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
    void shouldKeepTheStoredNoteOfTheSameFactWhereverItWasSentEachNoteOnce() {
        List<Item> stored = List.of(new Item("A", "note a"), new Item("B", "note b"), new Item("B", "note b2"));

        List<Item> kept = keep(
                List.of(
                        new Item("X", null), // a new fact in front: the others are found all the same
                        new Item("B", null),
                        new Item("A", null),
                        new Item("B", null),
                        new Item("B", null)),
                stored);

        assertThat(kept)
                .containsExactly(
                        new Item("X", null),
                        new Item("B", "note b"),
                        new Item("A", "note a"),
                        new Item("B", "note b2"),
                        new Item("B", null)); // both B notes taken already
    }

    @Test
    void shouldLetASentNoteWinAndLeaveNoListAsNone() {
        assertThat(keep(List.of(new Item("A", "new")), List.of(new Item("A", "old"))))
                .containsExactly(new Item("A", "new"));
        assertThat(keep(null, List.of(new Item("A", "old")))).isNull();
        assertThat(keep(List.of(new Item("A", null)), null)).containsExactly(new Item("A", null));
    }
}
