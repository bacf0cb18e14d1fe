package org.footdrop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("infrastructure")
class InfrastructureRestartTest {

    private static final String TOPIC = "intake.events.v1";
    private static final String GROUP = "restart-check";

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTopicsRecordsOffsetsAndDocumentsAcrossRestart() throws Exception {
        // given a running infrastructure with one event, one committed offset and one document
        InfraPorts ports = freePorts();
        TopicPartition partition;
        try (Infrastructure infra = Infrastructure.start(dataDir, ports, TopicSpec.standard())) {
            RecordMetadata sent = produce(ports, "patient-1", "{\"type\":\"PatientRegistered\"}");
            partition = new TopicPartition(sent.topic(), sent.partition());
            commitOffset(ports, partition, sent.offset() + 1);
            try (MongoClient mongo = MongoClients.create(ports.mongoUri())) {
                patients(mongo).insertOne(new Document("_id", "patient-1").append("side", "left"));
            }
        }

        // when it is stopped and started again on the same data directory
        try (Infrastructure infra = Infrastructure.start(dataDir, ports, TopicSpec.standard())) {

            // then the topics, the event, the group's offset and the document are all still there
            try (Admin admin = admin(ports)) {
                Map<String, TopicDescription> topics = admin.describeTopics(
                                List.of("intake.events.v1", "treatment.events.v1", "outcomes.dlq.v1"))
                        .allTopicNames()
                        .get();
                assertThat(topics.values())
                        .allSatisfy(t -> assertThat(t.partitions()).hasSize(6));
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC)))
                        .all()
                        .get()
                        .values()
                        .iterator()
                        .next();
                assertThat(config.get("retention.ms").value()).isEqualTo("-1");

                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata()
                        .get();
                assertThat(committed.get(partition).offset()).isEqualTo(1L);
            }
            assertThat(readAllFromBeginning(ports)).containsExactly("patient-1={\"type\":\"PatientRegistered\"}");
            try (MongoClient mongo = MongoClients.create(ports.mongoUri())) {
                assertThat(patients(mongo)
                                .find(new Document("_id", "patient-1"))
                                .first())
                        .containsEntry("side", "left");
            }
        }
    }

    private static RecordMetadata produce(InfraPorts ports, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ports.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    private static void commitOffset(InfraPorts ports, TopicPartition partition, long offset) {
        try (KafkaConsumer<String, String> consumer = consumer(ports, GROUP)) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }

    private static List<String> readAllFromBeginning(InfraPorts ports) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(ports, null)) {
            List<TopicPartition> all = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.key() + "=" + r.value());
                }
                return !seen.isEmpty();
            });
        }
        return seen;
    }

    private static KafkaConsumer<String, String> consumer(InfraPorts ports, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ports.kafkaBootstrap());
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static Admin admin(InfraPorts ports) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ports.kafkaBootstrap()));
    }

    private static MongoCollection<Document> patients(MongoClient mongo) {
        return mongo.getDatabase("footdrop_intake").getCollection("patients");
    }

    private static InfraPorts freePorts() throws IOException {
        try (ServerSocket a = new ServerSocket(0);
                ServerSocket b = new ServerSocket(0);
                ServerSocket c = new ServerSocket(0)) {
            return new InfraPorts(a.getLocalPort(), b.getLocalPort(), c.getLocalPort());
        }
    }
}
