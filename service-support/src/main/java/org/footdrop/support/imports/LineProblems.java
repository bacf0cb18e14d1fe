package org.footdrop.support.imports;

import jakarta.validation.ConstraintViolation;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.footdrop.support.record.RecordRefusedException;
import org.footdrop.support.web.BindingProblems;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.footdrop.support.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;

/** A refused line's problem: the very problem details the per-record API answers for its body. */
final class LineProblems {

    private LineProblems() {}

    static Map<String, Object> of(RuntimeException refusal) {
        ClinicalProblemException problem;
        if (refusal instanceof ClinicalProblemException clinical) {
            problem = clinical;
        } else if (refusal instanceof RecordRefusedException refused) {
            problem = ClinicalProblemException.of(refused);
        } else if (refusal instanceof JacksonException binding
                && !binding.getPath().isEmpty()) {
            problem = ClinicalProblemException.invalid(List.of(BindingProblems.of(binding)));
        } else if (refusal instanceof JacksonException) {
            problem = new ClinicalProblemException(
                    HttpStatus.BAD_REQUEST,
                    ProblemTypes.MALFORMED_REQUEST,
                    "The line is not well-formed JSON",
                    List.of());
        } else {
            throw refusal; // not the line's fault: the job stops, and resumes from its checkpoint
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", problem.type().toString());
        details.put("title", problem.status().getReasonPhrase());
        details.put("status", problem.status().value());
        details.put("detail", problem.getMessage());
        if (!problem.fields().isEmpty()) {
            details.put(
                    "errors",
                    problem.fields().stream()
                            .map(f -> Map.of("field", f.field(), "reason", f.reason()))
                            .toList());
        }
        if (problem.existingRecordId() != null) {
            details.put("existingRecordId", problem.existingRecordId().toString());
        }
        return details;
    }

    /** Bean Validation's violations of a line's body, named as the API names them. */
    static ClinicalProblemException invalid(Set<? extends ConstraintViolation<?>> violations) {
        return ClinicalProblemException.invalid(violations.stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
    }
}
