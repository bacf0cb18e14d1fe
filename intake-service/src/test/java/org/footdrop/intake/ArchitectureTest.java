package org.footdrop.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/** Plain JUnit tests calling ArchUnit, so that every rule is seen to run and is counted. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.footdrop.intake");

    /** Clinical rules are plain Java: no web, persistence or messaging types. */
    @Test
    void shouldKeepClinicalRulesPlainJava() {
        ArchRule rule = noClasses()
                .that()
                .haveSimpleNameEndingWith("Rules")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "org.springframework.data..",
                        "com.mongodb..",
                        "org.apache.kafka..",
                        "org.springframework.kafka..");
        rule.check(CLASSES);
    }

    /** Events leave only through the outbox's one publisher, never straight from a feature. */
    @Test
    void shouldSendEventsOnlyThroughTheOutbox() {
        ArchRule rule = noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");
        rule.check(CLASSES);
    }

    @Test
    void shouldKeepControllersPackagePrivate() {
        ArchRule rule =
                classes().that().areAnnotatedWith(RestController.class).should().notBePublic();
        rule.check(CLASSES);
    }
}
