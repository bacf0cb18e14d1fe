package org.footdrop.support.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.footdrop.contract.Topics;

/**
 * A real single-node KRaft broker (as the launcher runs it) whose client listener is SSL, configured
 * from the kafka service of docker-compose.tls.yml: its listener name and protocol map, and every
 * KAFKA_SSL_* variable (PEM keystore and truststore) with the paths moved to {@link TestCertificates}.
 * The controller listener stays plaintext, as in compose.
 */
public final class TlsKafkaBroker implements AutoCloseable {

    private static final String CONTAINER_TLS_DIR = "/etc/kafka/tls";
    private static TlsKafkaBroker shared;

    private final KafkaRaftServer server;
    private final String bootstrap;
    private final Path caCertificate;

    private TlsKafkaBroker(KafkaRaftServer server, String bootstrap, Path caCertificate) {
        this.server = server;
        this.bootstrap = bootstrap;
        this.caCertificate = caCertificate;
    }

    /** One per JVM, with the project's topics created over TLS. */
    public static synchronized TlsKafkaBroker shared() {
        if (shared == null) {
            shared = start(TestCertificates.shared());
            shared.createTopics(List.of(Topics.INTAKE_EVENTS, Topics.TREATMENT_EVENTS, Topics.OUTCOMES_DLQ));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static TlsKafkaBroker start(TestCertificates certificates) {
        try {
            Path logDir = Files.createTempDirectory("footdrop-kafka-tls-");
            int port = freePort();
            int controllerPort = freePort();
            Map<String, String> compose =
                    ComposeTlsOverride.environment("kafka", CONTAINER_TLS_DIR, certificates.dir());
            String listener = compose.get("KAFKA_INTER_BROKER_LISTENER_NAME");

            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
            p.put("listeners", listener + "://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
            p.put("advertised.listeners", listener + "://localhost:" + port);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("inter.broker.listener.name", listener);
            p.put("listener.security.protocol.map", compose.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"));
            compose.forEach((name, value) -> {
                if (name.startsWith("KAFKA_SSL_")) {
                    p.put(
                            name.substring("KAFKA_".length())
                                    .toLowerCase(Locale.ROOT)
                                    .replace('_', '.'),
                            value);
                }
            });
            p.put("log.dirs", logDir.toString());
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "6");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("transaction.state.log.num.partitions", "6");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("num.partitions", "6");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
            p.put("num.network.threads", "2");
            p.put("num.io.threads", "2");

            KafkaConfig config = KafkaConfig.fromProps(p, false);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(logDir.toString()))
                    .run();
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new TlsKafkaBroker(server, "localhost:" + port, certificates.caCertificate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the TLS broker", e);
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** What a plain Kafka client needs to reach this broker: SSL, trusting only the test CA. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, caCertificate.toString());
        return props;
    }

    private void createTopics(List<String> topics) {
        Map<String, Object> props = new HashMap<>(clientProperties());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(topics.stream()
                            .map(name -> new NewTopic(name, Topics.PARTITIONS, (short) 1))
                            .toList())
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics over TLS", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
