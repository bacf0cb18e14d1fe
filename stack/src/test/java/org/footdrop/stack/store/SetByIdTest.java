package org.footdrop.stack.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which updates the store sets itself, and that it copies rather than changes what is stored. */
class SetByIdTest {

    private static final Document BY_ID = new Document("_id", "p1");

    @Test
    void aSetOfPlainPathsOnADocumentNamedByAStringIdIsSetHere() {
        assertThat(SetById.of(BY_ID, set("diagnoses.d1.revisions.r1", new Document("revision", 1)), none()))
                .isNotNull();
        assertThat(SetById.of(
                        BY_ID,
                        new Document("$set", new Document("appliedEvents.e-1", "t").append("name", "x")),
                        none()))
                .isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "_id", "_id.x", "a.$.b", "a.$", "$a", "a.0", "a..b", "a.", "a$b.c", "a.b$",
            })
    void pathsTheLibraryTreatsOtherwiseAreLeftToIt(String path) {
        assertThat(SetById.of(BY_ID, set(path, 1), none())).isNull();
    }

    @Test
    void everythingButASetByStringIdIsLeftToTheLibrary() {
        Document update = set("a.b", 1);
        assertThat(SetById.of(BY_ID, update, none()))
                .as("multi or not: one document by id")
                .isNotNull();
        assertThat(SetById.of(new Document("_id", 7), update, none()))
                .as("numeric id")
                .isNull();
        assertThat(SetById.of(new Document("_id", "p1").append("revision", 2), update, none()))
                .as("compare-and-set")
                .isNull();
        assertThat(SetById.of(BY_ID, new Document("$inc", new Document("a", 1)), none()))
                .as("$inc")
                .isNull();
        assertThat(SetById.of(BY_ID, set("a", 1).append("$unset", new Document("b", "")), none()))
                .as("$set and $unset")
                .isNull();
        assertThat(SetById.of(BY_ID, new Document("a", 1), none()))
                .as("replacement")
                .isNull();
        assertThat(SetById.of(BY_ID, new Document("$set", new Document("a", 1).append("a.b", 2)), none()))
                .as("conflicting paths")
                .isNull();
    }

    @Test
    void copiesTheDocumentsAlongEachPathAndLeavesTheStoredOneAsItWas() {
        Document revisions = new Document("r1", new Document("revision", 1));
        Document record = new Document("revisions", revisions);
        Document stored = new Document("_id", "p1")
                .append("diagnoses", new Document("d1", record))
                .append("other", new Document("kept", true));

        SetById.Applied applied = SetById.of(
                        BY_ID,
                        new Document(
                                "$set",
                                new Document("diagnoses.d1.revisions.r2", new Document("revision", 2))
                                        .append("diagnoses.d2.revisions.r1", new Document("revision", 1))),
                        none())
                .applyTo(stored);

        assertThat(applied.changed()).isTrue();
        assertThat(applied.document().toString())
                .isEqualTo("{\"_id\" : \"p1\", \"diagnoses\" : {\"d1\" : {\"revisions\" : {\"r1\" : {\"revision\" : 1},"
                        + " \"r2\" : {\"revision\" : 2}}}, \"d2\" : {\"revisions\" : {\"r1\" : {\"revision\" : 1}}}},"
                        + " \"other\" : {\"kept\" : true}}");
        assertThat(revisions).containsOnlyKeys("r1");
        assertThat((Document) stored.get("diagnoses")).containsOnlyKeys("d1");
        assertThat(applied.document().get("other")).isSameAs(stored.get("other"));
    }

    @Test
    void valuesAlreadySetChangeNothingAndValuesOfAnotherTypeAreLeftToTheLibrary() {
        Document stored =
                new Document("_id", "p1").append("a", new Document("b", 1)).append("s", "x");
        assertThat(SetById.of(BY_ID, set("a.b", 1), none()).applyTo(stored).changed())
                .isFalse();
        assertThat(SetById.of(BY_ID, set("s", "y"), none()).applyTo(stored).changed())
                .isTrue();
        assertThat(SetById.of(BY_ID, set("a.b", 1.0), none()).applyTo(stored))
                .as("1 and 1.0 are one value to the library")
                .isNull();
        assertThat(SetById.of(BY_ID, set("s.t", 1), none()).applyTo(stored))
                .as("a path through a string")
                .isNull();
        assertThat(SetById.of(BY_ID, set("a.b.c", 1), none()).applyTo(stored))
                .as("a path through a number")
                .isNull();
        assertThat(SetById.of(BY_ID, set("l.x", 1), none()).applyTo(new Document("_id", "p1").append("l", List.of(1))))
                .as("a path through an array")
                .isNull();
        assertThat(SetById.of(BY_ID, set("x", de.bwaldvogel.mongo.backend.Missing.getInstance()), none())
                        .applyTo(stored))
                .as("set to nothing, which the library ignores")
                .isNull();
        assertThat(SetById.of(BY_ID, set("a.c", 1), none()).applyTo(new Document("_id", "p1").append("$x", 1)))
                .as("a stored name the library refuses in any update")
                .isNull();
    }

    private static Document set(String path, Object value) {
        return new Document("$set", new Document(path, value));
    }

    private static ArrayFilters none() {
        return ArrayFilters.empty();
    }
}
