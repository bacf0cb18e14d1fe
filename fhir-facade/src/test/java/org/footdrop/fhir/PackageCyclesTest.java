package org.footdrop.fhir;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Packages depend on each other in one direction only: a cycle fails the build. */
class PackageCyclesTest {

    @Test
    void shouldHaveNoCycleBetweenPackages() {
        slices().matching("org.footdrop.fhir.(**)")
                .should()
                .beFreeOfCycles()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.footdrop.fhir"));
    }
}
