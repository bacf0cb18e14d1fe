package org.footdrop.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * service-support holds two things: the records engine (a record's life, its idempotency, its
 * outbox; packages {@code record}, {@code outbox}, {@code request}) and the web platform
 * (problem+json, security, audit, OpenAPI, request limits; packages {@code web}, {@code security},
 * {@code audit}, {@code openapi}, {@code logging}). The engine runs for HTTP requests and for
 * background jobs alike, so it never depends on the platform or on HTTP; the platform translates
 * the engine's refusals and implements its audit port.
 */
class RecordsEngineBoundaryTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.footdrop.support");

    @Test
    void shouldKeepTheRecordsEngineFreeOfTheWebPlatform() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.footdrop.support.record..",
                        "org.footdrop.support.outbox..",
                        "org.footdrop.support.request..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.footdrop.support.web..",
                        "org.footdrop.support.security..",
                        "org.footdrop.support.audit..",
                        "org.footdrop.support.openapi..",
                        "org.footdrop.support.logging..",
                        "jakarta.servlet..",
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "org.springframework.security..")
                .check(CLASSES);
    }
}
