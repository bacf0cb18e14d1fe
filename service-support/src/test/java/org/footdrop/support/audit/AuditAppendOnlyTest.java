package org.footdrop.support.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.footdrop.support.outbox.OutboxWriter;
import org.junit.jupiter.api.Test;

/** The audit store is append-only in code: only inserts, and only from the audit package. */
class AuditAppendOnlyTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.footdrop");

    private static final Pattern CHANGING = Pattern.compile(
            "(update|upsert|remove|delete|replace|drop|findAndModify|findAndRemove|findAndReplace|findOneAnd|bulkOps|bulkWrite|rename).*");

    @Test
    void shouldNeverChangeOrDeleteAuditRecords() {
        noClasses()
                .that()
                .resideInAPackage("org.footdrop.support.audit..")
                .should()
                .callMethodWhere(changesTheStore())
                .check(CLASSES);
    }

    private static DescribedPredicate<JavaMethodCall> changesTheStore() {
        return new DescribedPredicate<>("a store method that changes or deletes") {
            @Override
            public boolean test(JavaMethodCall call) {
                String owner = call.getTargetOwner().getPackageName();
                return (owner.startsWith("org.springframework.data.mongodb") || owner.startsWith("com.mongodb"))
                        && CHANGING.matcher(call.getName()).matches();
            }
        };
    }

    /** Only the audit package may hold the audit log; everything else notes patients through AuditTrail. */
    @Test
    void shouldKeepTheAuditLogToTheAuditPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.footdrop.support.audit..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(AuditLog.class)
                .check(CLASSES);
    }

    /** The rule above is not vacuous: the outbox writer, which updates records, breaks it. */
    @Test
    void shouldCatchAStoreThatChangesDocuments() {
        assertThatThrownBy(() -> noClasses()
                        .that()
                        .belongToAnyOf(OutboxWriter.class)
                        .should()
                        .callMethodWhere(changesTheStore())
                        .check(CLASSES))
                .isInstanceOf(AssertionError.class);
    }
}
