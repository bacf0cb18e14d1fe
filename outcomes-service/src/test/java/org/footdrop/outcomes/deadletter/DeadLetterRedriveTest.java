package org.footdrop.outcomes.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.bson.Document;
import org.footdrop.outcomes.testing.PoisonRecords;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TestTokens;
import org.footdrop.support.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** The admin sees each dead letter's reason and origin, re-drives it once, and the store remembers. */
@EmbeddedInfrastructure
class DeadLetterRedriveTest {

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<byte[], byte[]> dlqTemplate;

    @Test
    void shouldGiveUpASendLongBeforeAnotherRequestMayTakeTheReDriveOver() {
        // the longest a send may take: waiting for the broker's metadata, then delivering
        Map<String, Object> producer = dlqTemplate.getProducerFactory().getConfigurationProperties();
        long longestSend = ((Number) producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).longValue()
                + ((Number) producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).longValue();

        assertThat(Duration.ofMillis(longestSend)).isLessThan(Redrives.STALE_CLAIM.dividedBy(2));
    }

    @Test
    void shouldRedriveADeadLetterOnceAndRememberIt() {
        // an admin signed in to the web app: the re-drive is remembered under the person, not the client
        Http admin = new Http(
                port,
                TestTokens.builder(Role.ADMIN)
                        .subject("ops-oncall")
                        .client("clinic-web")
                        .sign());
        JsonNode letter = PoisonRecords.deadLetter(brokers, admin);
        assertThat(letter.path("reason").asString()).isEqualTo("UNPARSEABLE");
        assertThat(letter.path("originalTopic").asString()).isEqualTo("intake.events.v1");
        assertThat(letter.path("redrive").isNull() || letter.path("redrive").isMissingNode())
                .isTrue();
        String path = "/api/v1/admin/dead-letters/" + letter.get("partition").asInt() + "/"
                + letter.get("offset").asLong() + "/redrives";

        var first = admin.send("POST", path, null);
        var second = admin.send("POST", path, null);
        var unknown = admin.send("POST", "/api/v1/admin/dead-letters/0/999999/redrives", null);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getBody().path("redrive").path("by").asString()).isEqualTo("ops-oncall");
        assertThat(first.getBody().path("redrive").path("topic").asString()).isEqualTo("intake.events.v1");
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        JsonNode listed = null;
        for (JsonNode each : admin.get("/api/v1/admin/dead-letters").getBody()) {
            if (each.path("offset").asLong() == letter.get("offset").asLong()
                    && each.path("partition").asInt() == letter.get("partition").asInt()) {
                listed = each;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("redrive").path("by").asString()).isEqualTo("ops-oncall");
    }

    @Test
    void shouldPublishOnceWhenReDrivenManyTimesAtOnce() throws Exception {
        Http admin = new Http(
                port, TestTokens.builder(Role.ADMIN).subject("ops-oncall").sign());
        JsonNode letter = PoisonRecords.deadLetter(brokers, admin);
        String id = letter.get("partition").asInt() + "-" + letter.get("offset").asLong();

        // when eight requests re-drive it at the same moment (two admins, double clicks, two instances)
        int requests = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return admin.send("POST", "/api/v1/admin/dead-letters/" + id.replace('-', '/') + "/redrives", null)
                        .getStatusCode()
                        .value();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        // then one publishes, the others are told it is taken, and the topic holds it once
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        try (TopicProbe topic = new TopicProbe(brokers, "intake.events.v1")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> redriven(topic.poll(), id) >= 1);
            Thread.sleep(1000); // a second copy would have been published by now: the answers are all in
            assertThat(redriven(topic.poll(), id)).isEqualTo(1);
        }
    }

    @Test
    void shouldTakeOverTheClaimOfAReDriveThatNeverFinishedButNotOneUnderWay() {
        Http admin = new Http(
                port, TestTokens.builder(Role.ADMIN).subject("ops-oncall").sign());
        JsonNode abandoned = PoisonRecords.deadLetter(brokers, admin);
        JsonNode underWay = PoisonRecords.deadLetter(brokers, admin);
        // given one claimed by an instance that died ten minutes ago, one claimed a moment ago
        claim(abandoned, Instant.now().minus(Duration.ofMinutes(10)));
        claim(underWay, Instant.now());

        var takenOver = admin.send("POST", path(abandoned), null);
        var refused = admin.send("POST", path(underWay), null);

        assertThat(takenOver.getStatusCode().value()).isEqualTo(201);
        assertThat(takenOver.getBody().path("redrive").path("by").asString()).isEqualTo("ops-oncall");
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().path("detail").asString()).contains("being re-driven");
    }

    private void claim(JsonNode letter, Instant at) {
        mongo.insert(
                new Document(
                                "_id",
                                letter.get("partition").asInt() + "-"
                                        + letter.get("offset").asLong())
                        .append("claimedAt", Date.from(at))
                        .append("by", "gone-instance"),
                Redrives.COLLECTION);
    }

    private static String path(JsonNode letter) {
        return "/api/v1/admin/dead-letters/" + letter.get("partition").asInt() + "/"
                + letter.get("offset").asLong() + "/redrives";
    }

    private static long redriven(List<ConsumerRecord<byte[], byte[]>> records, String id) {
        return records.stream()
                .filter(r -> {
                    var header = r.headers().lastHeader(Redrives.REDRIVEN_FROM_HEADER);
                    return header != null && ("dlq:" + id).equals(new String(header.value(), StandardCharsets.UTF_8));
                })
                .count();
    }
}
