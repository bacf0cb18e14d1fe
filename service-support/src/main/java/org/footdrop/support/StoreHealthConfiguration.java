package org.footdrop.support;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Store settings every service shares, and the store's health as the readiness group sees it ("mongo"). Boot's own check sends the
 * {@code hello} command, which the embedded mongo-java-server does not know; {@code ping} works on
 * both it and a real MongoDB.
 */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
public class StoreHealthConfiguration {

    /**
     * UUIDs as standard BSON binary subtype 4, the same in every service and in any MongoDB; and a
     * short wait for the store: the driver's default of 30 s would hold a clinical system's write
     * that long before the 503 it will get anyway (consumers retry with their own back-off).
     */
    @Bean
    MongoClientSettingsBuilderCustomizer storeSettings(
            @Value("${footdrop.store.server-selection-timeout:5s}") Duration serverSelectionTimeout) {
        return settings -> settings.uuidRepresentation(UuidRepresentation.STANDARD)
                .applyToClusterSettings(cluster ->
                        cluster.serverSelectionTimeout(serverSelectionTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean(name = "mongoHealthContributor")
    HealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return () -> {
            try {
                Document reply = mongo.executeCommand(new Document("ping", 1));
                return Health.up()
                        .withDetail("database", mongo.getDb().getName())
                        .withDetail("ok", reply.get("ok"))
                        .build();
            } catch (RuntimeException e) {
                return Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }
}
