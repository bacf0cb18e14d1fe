package org.footdrop.fhir.terminology;

import java.util.List;
import java.util.stream.Stream;
import org.footdrop.contract.intake.Measure;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * The MRC muscle grades as a CodeSystem: "0" to "5" with the - and + modifiers the contract allows.
 * They are no enum (their codes hold - and +), so the codes are those of the contract's own pattern.
 */
public final class MrcGrades {

    public static final String ID = "mrc-grade";
    public static final String URL = Vocabulary.BASE + "/CodeSystem/" + ID;

    /** In order from no contraction to normal power. */
    public static final List<String> GRADES = Stream.of("0", "1", "2", "3", "4", "5")
            .flatMap(grade -> Stream.of(grade + "-", grade, grade + "+"))
            .filter(grade -> grade.matches(Measure.MRC_GRADE_PATTERN))
            .toList();

    private MrcGrades() {}

    public static boolean isGrade(String code) {
        return code != null && GRADES.contains(code);
    }

    public static Coding coding(String grade) {
        return new Coding(URL, grade, "MRC grade " + grade);
    }

    public static CodeSystem codeSystem() {
        CodeSystem system = new CodeSystem();
        system.setId(ID);
        system.setUrl(URL);
        system.setName("MrcMuscleGrade");
        system.setTitle("MRC muscle grade");
        system.setStatus(Enumerations.PublicationStatus.ACTIVE);
        system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        system.setCaseSensitive(true);
        GRADES.forEach(grade -> system.addConcept().setCode(grade).setDisplay("MRC grade " + grade));
        return system;
    }
}
