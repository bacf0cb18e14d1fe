package org.footdrop.outcomes.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.footdrop.support.testing.EmbeddedMongo;
import org.footdrop.support.testing.MovableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A rebuild may take its end offsets only once every live instance writes live events to the new
 * collection too: the condition it waits on, instead of a sleep that must outlast the refresh.
 */
@Tag("infrastructure")
class ProjectionCollectionsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration LIVENESS = Duration.ofSeconds(5);

    @Test
    void shouldHoldTheRebuildUntilEveryLiveInstanceFollowsIt() {
        try (EmbeddedMongo store = new EmbeddedMongo();
                MongoClient client = MongoClients.create(store.uri("collections"))) {
            MongoTemplate mongo = new MongoTemplate(client, "collections");
            // given two live instances and one that stopped a minute ago
            ProjectionCollections here = new ProjectionCollections(mongo, at(NOW), event -> {});
            ProjectionCollections there = new ProjectionCollections(mongo, at(NOW), event -> {});
            new ProjectionCollections(mongo, at(NOW.minusSeconds(60)), event -> {});

            // when this one starts a rebuild, the other has not seen it yet
            assertThat(here.startRebuild("patient_outcomes_2", LIVENESS)).isTrue();

            // then the rebuild waits for it, and only for it
            assertThat(here.everyInstanceFollows("patient_outcomes_2", LIVENESS))
                    .isFalse();
            there.refresh();
            assertThat(there.rebuilding()).contains("patient_outcomes_2");
            assertThat(here.everyInstanceFollows("patient_outcomes_2", LIVENESS))
                    .isTrue();
            assertThat(here.everyInstanceFollows("patient_outcomes_3", LIVENESS))
                    .isFalse();
        }
    }

    @Test
    void shouldRunOneRebuildAtATimeAcrossInstancesAndTakeOverOneWhoseInstanceIsGone() {
        try (EmbeddedMongo store = new EmbeddedMongo();
                MongoClient client = MongoClients.create(store.uri("collections"))) {
            MongoTemplate mongo = new MongoTemplate(client, "collections");
            ProjectionCollections here = new ProjectionCollections(mongo, at(NOW), event -> {});
            ProjectionCollections there = new ProjectionCollections(mongo, at(NOW), event -> {});

            // given a rebuild under way on a live instance
            assertThat(here.startRebuild("patient_outcomes_2", LIVENESS)).isTrue();

            // then another instance may not start one beside it (live events would miss one of the two)
            there.refresh();
            assertThat(there.startRebuild("patient_outcomes_3", LIVENESS)).isFalse();
            assertThat(there.rebuilding()).contains("patient_outcomes_2");

            // and one whose instance has gone silent is taken over, after which the first cannot switch
            ProjectionCollections later = new ProjectionCollections(mongo, at(NOW.plusSeconds(60)), event -> {});
            assertThat(later.startRebuild("patient_outcomes_4", LIVENESS)).isTrue();
            assertThat(here.switchTo("patient_outcomes_2")).isFalse();
            // the first, failing, gives its own up: its live events go on reaching the other's target
            here.refresh();
            here.abandonRebuild("patient_outcomes_2");
            assertThat(here.rebuilding()).contains("patient_outcomes_4");
            assertThat(later.switchTo("patient_outcomes_4")).isTrue();
            assertThat(new ProjectionCollections(mongo, at(NOW.plusSeconds(61)), event -> {}).active())
                    .isEqualTo("patient_outcomes_4");
        }
    }

    @Test
    void shouldAnnounceASwitchMadeByAnotherInstanceOnce() {
        try (EmbeddedMongo store = new EmbeddedMongo();
                MongoClient client = MongoClients.create(store.uri("collections"))) {
            MongoTemplate mongo = new MongoTemplate(client, "collections");
            List<Object> heardHere = new ArrayList<>();
            List<Object> heardThere = new ArrayList<>();
            ProjectionCollections here = new ProjectionCollections(mongo, at(NOW), heardHere::add);
            ProjectionCollections there = new ProjectionCollections(mongo, at(NOW), heardThere::add);

            // when this instance rebuilds and switches
            assertThat(here.startRebuild("patient_outcomes_2", LIVENESS)).isTrue();
            there.refresh();
            assertThat(here.switchTo("patient_outcomes_2")).isTrue();
            here.refresh();
            there.refresh();
            there.refresh();

            // then the other hears of it once (its cohort table must be read again); this one reloads itself
            assertThat(heardThere).containsExactly(new ProjectionSwitched("patient_outcomes_2"));
            assertThat(heardHere).isEmpty();
            assertThat(there.active()).isEqualTo("patient_outcomes_2");
        }
    }

    @Test
    void shouldKeepAnotherInstancesSwitchWhenARebuildStartsBeforeThisOneHasHeardOfIt() {
        try (EmbeddedMongo store = new EmbeddedMongo();
                MongoClient client = MongoClients.create(store.uri("collections"))) {
            MongoTemplate mongo = new MongoTemplate(client, "collections");
            List<Object> heardHere = new ArrayList<>();
            ProjectionCollections here = new ProjectionCollections(mongo, at(NOW), heardHere::add);
            ProjectionCollections there = new ProjectionCollections(mongo, at(NOW), event -> {});
            assertThat(there.startRebuild("patient_outcomes_2", LIVENESS)).isTrue();
            assertThat(there.switchTo("patient_outcomes_2")).isTrue();

            // when this instance starts a rebuild within the second before its heartbeat reads the switch
            assertThat(here.active()).isEqualTo(PatientOutcomeStore.COLLECTION);
            assertThat(here.startRebuild("patient_outcomes_3", LIVENESS)).isTrue();
            assertThat(here.active()).isEqualTo("patient_outcomes_2"); // live events reach what is queried
            assertThat(heardHere).containsExactly(new ProjectionSwitched("patient_outcomes_2"));
            here.abandonRebuild("patient_outcomes_3");

            // then queries everywhere go on reading the collection the other switched to
            assertThat(new ProjectionCollections(mongo, at(NOW), event -> {}).active())
                    .isEqualTo("patient_outcomes_2");
        }
    }

    @Test
    void shouldRefuseLiveWritesWhileTheSettingsAreNotCurrent() {
        try (EmbeddedMongo store = new EmbeddedMongo();
                MongoClient client = MongoClients.create(store.uri("collections"));
                MongoClient away = MongoClients.create(MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:1"))
                        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
                        .build())) {
            // an instance that started with the store away does not know where live events go
            ProjectionCollections startedAlone =
                    new ProjectionCollections(new MongoTemplate(away, "collections"), at(NOW), event -> {});
            assertThatThrownBy(startedAlone::requireCurrent)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not read yet");
            PatientOutcomeStore projection =
                    new PatientOutcomeStore(new MongoTemplate(client, "collections"), startedAlone);
            assertThatThrownBy(() -> projection.apply(List.of())).hasMessageContaining("not read yet");

            // one whose heartbeat has stalled past the limit is refused until it reads the settings again
            MovableClock clock = new MovableClock(NOW);
            ProjectionCollections here =
                    new ProjectionCollections(new MongoTemplate(client, "collections"), clock, event -> {});
            here.requireCurrent();
            clock.move(ProjectionCollections.CURRENT_FOR.plusMillis(1));
            assertThatThrownBy(here::requireCurrent).hasMessageContaining("last read 2001 ms ago");
            here.refresh();
            here.requireCurrent();
        }
    }

    @Test
    void shouldFollowAnotherInstancesSwitchOnTheHeartbeatsOwnThread() {
        try (EmbeddedMongo store = new EmbeddedMongo();
                MongoClient client = MongoClients.create(store.uri("collections"))) {
            MongoTemplate mongo = new MongoTemplate(client, "collections");
            ProjectionCollections here = new ProjectionCollections(mongo, Clock.systemUTC(), event -> {});
            ProjectionCollections there = new ProjectionCollections(mongo, Clock.systemUTC(), event -> {});
            ProjectionHeartbeat heartbeat = new ProjectionHeartbeat(here);
            heartbeat.start();
            try {
                assertThat(there.startRebuild("patient_outcomes_2", LIVENESS)).isTrue();
                // its heartbeat reads the settings and says it follows, with no one calling refresh()
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> there.everyInstanceFollows("patient_outcomes_2", LIVENESS));
                assertThat(here.rebuilding()).contains("patient_outcomes_2");
            } finally {
                heartbeat.stop();
            }
            assertThat(heartbeat.isRunning()).isFalse();
        }
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
