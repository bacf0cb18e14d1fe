package org.footdrop.outcomes.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.footdrop.support.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Two instances' change logs in one store: each follows the other's entries, in order, and not its
 * own, whose patients it loaded before it wrote them.
 */
class ChangeLogTest {

    private static final EmbeddedMongo store = new EmbeddedMongo();
    private static final MongoClient client = MongoClients.create(store.uri("changes"));

    @AfterAll
    static void close() {
        client.close();
        store.close();
    }

    @Test
    void followsTheOtherInstancesEntriesInOrderAndNotItsOwn() {
        MongoTemplate mongo = new MongoTemplate(client, "change_log_test");
        ChangeLog here = new ChangeLog(mongo, Clock.systemUTC());
        ChangeLog there = new ChangeLog(mongo, Clock.systemUTC());
        List<List<String>> seenHere = new ArrayList<>();
        List<List<String>> seenThere = new ArrayList<>();
        here.follow(seenHere::add); // each takes its place at the log's end
        there.follow(seenThere::add);

        here.append(List.of("p-1", "p-2"));
        there.append(List.of("p-3"));
        here.append(List.of("p-4"));
        there.append(List.of("p-5", "p-1"));
        here.follow(seenHere::add);
        there.follow(seenThere::add);

        assertThat(seenHere).containsExactly(List.of("p-3"), List.of("p-5", "p-1"));
        assertThat(seenThere).containsExactly(List.of("p-1", "p-2"), List.of("p-4"));

        // and a third instance, started later, follows what comes after its start, everyone's
        ChangeLog later = new ChangeLog(mongo, Clock.systemUTC());
        List<List<String>> seenLater = new ArrayList<>();
        later.follow(seenLater::add);
        here.append(List.of("p-6"));
        there.append(List.of("p-7"));
        later.follow(seenLater::add);
        here.follow(seenHere::add);
        assertThat(seenLater).containsExactly(List.of("p-6"), List.of("p-7"));
        assertThat(seenHere).endsWith(List.of("p-7"));
        assertThat(seenHere).doesNotContain(List.of("p-6"));
    }

    @Test
    void saysItLostTrackWhenTheEntriesItWasToReadNextWerePrunedAndFollowsOnFromTheEnd() {
        MongoTemplate mongo = new MongoTemplate(client, "change_log_pruned_test");
        ChangeLog here = new ChangeLog(mongo, Clock.systemUTC());
        ChangeLog there = new ChangeLog(mongo, Clock.systemUTC());
        List<List<String>> seenHere = new ArrayList<>();
        assertThat(here.follow(seenHere::add)).isTrue();

        // while this instance is cut off, the other writes more entries than are kept, and the oldest go
        for (int i = 0; i < 150; i++) {
            there.append(List.of("p-" + i));
        }
        mongo.remove(Query.query(Criteria.where("_id").lte(140L)), ChangeLog.COLLECTION);

        // then this one says it lost track (its table must be read whole again) rather than wait for ever
        assertThat(here.follow(seenHere::add)).isFalse();
        assertThat(seenHere).isEmpty();

        // and follows what comes after
        there.append(List.of("p-next"));
        assertThat(here.follow(seenHere::add)).isTrue();
        assertThat(seenHere).containsExactly(List.of("p-next"));
    }

    @Test
    void saysItLostTrackWhenItFellFurtherBehindThanTheEntriesKeptEvenIfSomeOfItsWindowIsLeft() {
        MongoTemplate mongo = new MongoTemplate(client, "change_log_far_behind_test");
        ChangeLog here = new ChangeLog(mongo, Clock.systemUTC());
        List<List<String>> seenHere = new ArrayList<>();
        assertThat(here.follow(seenHere::add)).isTrue(); // reads from entry 1 on

        // others wrote 10,200 entries meanwhile; those before 60 were pruned, those after are there
        mongo.upsert(
                Query.query(Criteria.where("_id").is("seq")),
                new org.springframework.data.mongodb.core.query.Update().set("value", 10_200L),
                "projection_changes_counter");
        for (long seq = 60; seq <= 160; seq++) {
            mongo.insert(
                    new org.bson.Document("_id", seq).append("patients", List.of("p-" + seq)), ChangeLog.COLLECTION);
        }

        // then it does not wait on the missing numbers one by one: it lost track, and follows on from the end
        assertThat(here.follow(seenHere::add)).isFalse();
        assertThat(seenHere).isEmpty();
    }
}
