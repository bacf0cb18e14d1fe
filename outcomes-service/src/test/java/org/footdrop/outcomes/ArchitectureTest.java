package org.footdrop.outcomes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Plain JUnit tests calling ArchUnit, so that every rule is seen to run and is counted. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.footdrop.outcomes");

    /** The projector is a pure function of events: no web, no messaging framework. */
    @Test
    void shouldKeepProjectionFreeOfWebAndMessaging() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("..outcomes.projection..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "jakarta.servlet..",
                        "org.springframework.kafka..",
                        "org.springframework.cloud.stream..",
                        "org.springframework.messaging..",
                        "org.apache.kafka..");
        rule.check(CLASSES);
    }

    @Test
    void shouldKeepProjectorFreeOfSpringAndDriver() {
        ArchRule rule = noClasses()
                .that()
                .haveSimpleName("PatientProjector")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.mongodb..");
        rule.check(CLASSES);
    }

    @Test
    void shouldKeepQueriesOutOfMessaging() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("..outcomes.query..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..outcomes.messaging..");
        rule.check(CLASSES);
    }
}
