package org.footdrop.support.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The architecture rules every service that owns clinical records keeps (intake and treatment).
 * Plain JUnit tests calling ArchUnit, so that every rule is seen to run and is counted.
 */
public abstract class ServiceArchitectureContract {

    /** The service's root package, e.g. {@code org.footdrop.intake}. */
    protected abstract String rootPackage();

    private JavaClasses imported() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage());
    }

    /** Clinical rules are plain Java: no web, persistence or messaging types. */
    @Test
    void shouldKeepClinicalRulesPlainJava() {
        noClasses()
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
                        "org.springframework.kafka..")
                .check(imported());
    }

    /** Events leave only through the outbox's one publisher, never straight from a feature. */
    @Test
    void shouldSendEventsOnlyThroughTheOutbox() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .check(imported());
    }

    @Test
    void shouldKeepControllersPackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .check(imported());
    }
}
