package org.footdrop.fhir.observation;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Date;
import java.util.List;
import org.footdrop.fhir.patient.FhirPatients;
import org.footdrop.fhir.records.IntakeApi;
import org.footdrop.fhir.records.RecordMap;
import org.footdrop.fhir.records.RecordProvider;
import org.footdrop.fhir.records.RecordResources;
import org.footdrop.fhir.server.ResourceValidator;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/** Observations are intake-service's assessments, written through its API with the caller's token. */
@Component
public class ObservationProvider extends RecordProvider<Observation> {

    public ObservationProvider(
            IntakeApi intake, FhirPatients patients, RecordMap identifiers, ResourceValidator validator) {
        super(new RecordResources<>(new ObservationMapping(), intake.api(), patients, identifiers, validator));
    }

    /**
     * A patient's assessments, narrowed by the panel's code (the assessment's kind), a measure taken
     * ({@code component-code}) and the time assessed; paged by the server.
     */
    @Search
    public List<Observation> byPatient(
            @RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Observation.SP_COMPONENT_CODE) TokenOrListParam componentCode,
            @OptionalParam(name = Observation.SP_DATE) DateRangeParam date) {
        return records().byPatient(patient.getIdPart()).stream()
                .filter(observation -> code == null || matches(code, List.of(observation.getCode())))
                .filter(observation -> componentCode == null
                        || matches(
                                componentCode,
                                observation.getComponent().stream()
                                        .map(Observation.ObservationComponentComponent::getCode)
                                        .toList()))
                .filter(observation -> date == null
                        || within(date, observation.getEffectiveDateTimeType().getValue()))
                .toList();
    }

    /** FHIR's token search: {@code code}, {@code system|code} or {@code system|}, any of a list. */
    private static boolean matches(TokenOrListParam tokens, List<CodeableConcept> concepts) {
        for (TokenParam token : tokens.getValuesAsQueryTokens()) {
            for (CodeableConcept concept : concepts) {
                for (Coding coding : concept.getCoding()) {
                    boolean system =
                            token.getSystem() == null || token.getSystem().equals(coding.getSystem());
                    boolean value = token.getValue() == null
                            || token.getValue().isEmpty()
                            || token.getValue().equals(coding.getCode());
                    if (system && value) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean within(DateRangeParam range, Date when) {
        Date from = range.getLowerBoundAsInstant();
        Date to = range.getUpperBoundAsInstant();
        return when != null && (from == null || !when.before(from)) && (to == null || !when.after(to));
    }
}
