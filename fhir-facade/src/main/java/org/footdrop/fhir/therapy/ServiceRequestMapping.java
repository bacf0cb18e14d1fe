package org.footdrop.fhir.therapy;

import static org.footdrop.fhir.records.Codes.coding;
import static org.footdrop.fhir.records.Codes.optional;
import static org.footdrop.fhir.records.Codes.required;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.records.RecordKindMapping;
import org.footdrop.fhir.server.Outcomes;
import org.footdrop.fhir.terminology.Vocabularies;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.UnitsOfTime;
import tools.jackson.databind.JsonNode;

/**
 * ServiceRequest to treatment-service's therapy prescription and back (docs/fhir.md, "ServiceRequest"):
 * an order for one adjunct therapy, so many sessions a week from a start date, for planned weeks or to
 * an end date. The adherence the own API adds to its answer is derived there and not carried.
 */
final class ServiceRequestMapping extends RecordKindMapping<ServiceRequest> {

    static final String PLANNED_WEEKS = Vocabularies.extension("planned-weeks");

    private static final String REPEAT = "ServiceRequest.occurrence.repeat";

    ServiceRequestMapping() {
        super(ServiceRequest.class, "/api/v1/therapies", "therapies", "therapyId");
    }

    @Override
    public boolean entersInError(ServiceRequest request) {
        return request.getStatus() == ServiceRequestStatus.ENTEREDINERROR;
    }

    @Override
    public Map<String, Object> toOwn(ServiceRequest request, FhirPatient patient) {
        if (request.hasNote()) {
            throw Outcomes.unprocessable(
                    "ServiceRequest.note", "Free-text notes are not accepted through FHIR (docs/fhir.md).");
        }
        if (request.getStatus() != ServiceRequestStatus.ACTIVE) {
            throw Outcomes.unprocessable("ServiceRequest.status", "A prescription is recorded active.");
        }
        if (request.getIntent() != ServiceRequestIntent.ORDER) {
            throw Outcomes.unprocessable("ServiceRequest.intent", "A prescription is an order: intent order.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient.patientId());
        body.put(
                "type",
                required(Vocabularies.THERAPY_TYPE, request.getCode().getCoding(), "ServiceRequest.code")
                        .name());
        List<Coding> details = request.getOrderDetail().stream()
                .flatMap(detail -> detail.getCoding().stream())
                .toList();
        optional(Vocabularies.ENERGY_MODALITY, details, "ServiceRequest.orderDetail")
                .ifPresent(modality -> body.put("modality", modality.name()));
        if (!request.hasOccurrenceTiming()) {
            throw Outcomes.unprocessable(
                    "ServiceRequest.occurrence", "An occurrenceTiming is required: sessions a week from a start date.");
        }
        Timing.TimingRepeatComponent repeat = request.getOccurrenceTiming().getRepeat();
        if (!repeat.hasFrequency()
                || !repeat.hasPeriod()
                || BigDecimal.ONE.compareTo(repeat.getPeriod()) != 0
                || repeat.getPeriodUnit() != UnitsOfTime.WK) {
            throw Outcomes.unprocessable(
                    REPEAT, "Sessions a week: repeat.frequency n with period 1 and periodUnit wk.");
        }
        body.put("sessionsPerWeek", repeat.getFrequency());
        if (!repeat.hasBoundsPeriod() || !repeat.getBoundsPeriod().hasStart()) {
            throw Outcomes.unprocessable(
                    REPEAT + ".bounds", "A boundsPeriod with the start date (and the end date, if one) is required.");
        }
        Period bounds = repeat.getBoundsPeriod();
        body.put("startDate", date(bounds.getStartElement(), REPEAT + ".bounds.start"));
        if (bounds.hasEnd()) {
            body.put("endDate", date(bounds.getEndElement(), REPEAT + ".bounds.end"));
        }
        Extension weeks = request.getExtensionByUrl(PLANNED_WEEKS);
        if (weeks != null) {
            if (!(weeks.getValue() instanceof PositiveIntType planned)) {
                throw Outcomes.unprocessable(
                        "ServiceRequest.extension('" + PLANNED_WEEKS + "')",
                        "The planned-weeks extension holds a valuePositiveInt.");
            }
            body.put("plannedWeeks", planned.getValue());
        }
        return body;
    }

    static String date(DateTimeType value, String path) {
        String text = value.getValueAsString();
        if (text == null || text.length() != 10) {
            throw Outcomes.unprocessable(path, "A date (year, month and day), without a time.");
        }
        return text;
    }

    @Override
    public ServiceRequest toFhir(JsonNode therapy, String revision, String patientFhirId, Identifier identifier) {
        ServiceRequest request = new ServiceRequest();
        if (identifier != null) {
            request.addIdentifier(identifier);
        }
        boolean voided = "VOIDED".equals(therapy.path("status").asString());
        request.setStatus(voided ? ServiceRequestStatus.ENTEREDINERROR : ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequestIntent.ORDER);
        request.setSubject(new Reference("Patient/" + patientFhirId));
        request.getCode().addCoding(coding(Vocabularies.THERAPY_TYPE, therapy.path("type")));
        if (therapy.hasNonNull("modality")) {
            request.addOrderDetail().addCoding(coding(Vocabularies.ENERGY_MODALITY, therapy.path("modality")));
        }
        Period bounds = new Period()
                .setStartElement(new DateTimeType(therapy.path("startDate").asString()));
        if (therapy.hasNonNull("endDate")) {
            bounds.setEndElement(new DateTimeType(therapy.path("endDate").asString()));
        }
        Timing timing = new Timing();
        timing.getRepeat()
                .setFrequency(therapy.path("sessionsPerWeek").asInt())
                .setPeriod(BigDecimal.ONE)
                .setPeriodUnit(UnitsOfTime.WK)
                .setBounds(bounds);
        request.setOccurrence(timing);
        if (therapy.hasNonNull("plannedWeeks")) {
            request.addExtension(
                    PLANNED_WEEKS,
                    new PositiveIntType(therapy.path("plannedWeeks").asInt()));
        }
        return request;
    }

    /** Where a treatment-service field error points in the ServiceRequest. */
    @Override
    public String fhirPath(String field) {
        switch (field) {
            case "type":
                return "ServiceRequest.code";
            case "modality":
                return "ServiceRequest.orderDetail";
            case "sessionsPerWeek":
                return REPEAT + ".frequency";
            case "startDate":
                return REPEAT + ".bounds.start";
            case "endDate":
                return REPEAT + ".bounds.end";
            case "plannedWeeks":
                return "ServiceRequest.extension('" + PLANNED_WEEKS + "')";
            case "patientId":
                return "ServiceRequest.subject";
            default:
                return "ServiceRequest";
        }
    }
}
