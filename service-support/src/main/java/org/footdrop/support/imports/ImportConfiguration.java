package org.footdrop.support.imports;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.examples.Example;
import jakarta.validation.Validator;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.RecordConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Bulk imports, in a service that owns records and says which kinds it imports. */
@AutoConfiguration(after = RecordConfiguration.class)
@ConditionalOnBean({ClinicalRecords.class, ImportableKind.class})
@EnableConfigurationProperties(ImportProperties.class)
@Import(ImportController.class)
public class ImportConfiguration {

    /** The instance owns the jobs it takes: its host and import directory name it across restarts. */
    @Bean
    ImportJobs importJobs(MongoTemplate mongo, ObjectProvider<Clock> clock, ImportProperties properties) {
        return new ImportJobs(mongo, clock.getIfAvailable(Clock::systemUTC), instanceName(properties));
    }

    static String instanceName(ImportProperties properties) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + properties.directory().toAbsolutePath().normalize();
    }

    /** The file's example, as text: springdoc keeps no annotated example of a non-JSON body. */
    @Bean
    OpenApiCustomizer importFileExample() {
        return openApi -> {
            var post = openApi.getPaths() == null ? null : openApi.getPaths().get("/api/v1/imports");
            if (post != null && post.getPost() != null && post.getPost().getRequestBody() != null) {
                post.getPost()
                        .getRequestBody()
                        .getContent()
                        .get(ImportController.NDJSON)
                        .addExamples(
                                "realistic",
                                new Example().summary("A clinic's file").value(ImportController.EXAMPLE));
            }
        };
    }

    @Bean
    Importer importer(
            List<ImportableKind<?, ?>> kinds,
            ClinicalRecords records,
            ImportJobs jobs,
            JsonMapper json,
            Validator validator,
            ImportProperties properties,
            MeterRegistry meters) {
        return new Importer(kinds, records, jobs, json, validator, properties, meters);
    }
}
