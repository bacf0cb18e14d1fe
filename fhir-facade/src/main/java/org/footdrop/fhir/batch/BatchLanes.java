package org.footdrop.fhir.batch;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.server.ConditionalCreate;
import org.footdrop.fhir.terminology.Vocabularies;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Carries a batch's entries out several at a time. One entry at a time, a batch spent most of its
 * time waiting on the services' answers. The entries of one patient keep the batch's order, in one
 * lane: a Condition after its Patient's entry finds the Patient, a session after its prescription's
 * entry finds the prescription. A patient is the same lane however it is named (its entry's
 * pseudonymous id, {@code Patient/{id}}, {@code Patient?identifier=}). Lanes run side by side on a
 * pool shared by all batches. A DELETE names a record, not a patient: every entry before it is
 * carried out first, then the DELETE alone, then the entries after it.
 */
class BatchLanes {

    private final Executor executor;

    BatchLanes(Executor executor) {
        this.executor = executor;
    }

    /** Calls {@code carryOut} once for each entry's index; returns when every call has returned. */
    void carryOut(List<Bundle.BundleEntryComponent> entries, IntConsumer carryOut) {
        Map<String, List<Integer>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Bundle.BundleEntryComponent entry = entries.get(i);
            if (entry.getRequest().getMethod() == Bundle.HTTPVerb.DELETE) {
                runSideBySide(lanes, carryOut);
                lanes.clear();
                carryOut.accept(i);
                continue;
            }
            lanes.computeIfAbsent(laneOf(entry, i), lane -> new ArrayList<>()).add(i);
        }
        runSideBySide(lanes, carryOut);
    }

    private void runSideBySide(Map<String, List<Integer>> lanes, IntConsumer carryOut) {
        List<CompletableFuture<Void>> running = new ArrayList<>(lanes.size());
        for (List<Integer> lane : lanes.values()) {
            running.add(CompletableFuture.runAsync(() -> lane.forEach(carryOut::accept), executor));
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // carryOut answers each entry itself; what escapes it is a fault of the server
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The patient an entry is about, as one key whatever form names it; else a lane of its own. */
    static String laneOf(Bundle.BundleEntryComponent entry, int index) {
        Resource resource = entry.getResource();
        if (resource instanceof Patient patient) {
            return patient.getIdentifier().stream()
                    .filter(identifier -> Vocabularies.PATIENT_ID_SYSTEM.equals(identifier.getSystem()))
                    .map(Identifier::getValue)
                    .filter(value -> value != null)
                    .findFirst()
                    .map(FhirPatient::fhirId)
                    .orElse("entry " + index);
        }
        Property subject = resource == null ? null : resource.getNamedProperty("subject");
        if (subject != null
                && !subject.getValues().isEmpty()
                && subject.getValues().get(0) instanceof Reference reference
                && reference.hasReference()) {
            return patientOf(reference.getReference());
        }
        return "entry " + index;
    }

    private static String patientOf(String reference) {
        if (reference.startsWith("Patient?")) {
            try {
                return FhirPatient.fhirId(ConditionalCreate.identifierValue(reference, Vocabularies.PATIENT_ID_SYSTEM));
            } catch (BaseServerResponseException refused) {
                return reference; // the entry is refused for it when carried out
            }
        }
        IdType id = new IdType(reference);
        if ("Patient".equals(id.getResourceType()) && id.hasIdPart()) {
            return id.getIdPart();
        }
        return reference;
    }
}
