package org.footdrop.fhir.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.terminology.Vocabularies;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchLanesTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final BatchLanes lanes = new BatchLanes(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void shouldPutAPatientAndEveryEntryNamingItInOneLaneWhateverFormNamesIt() {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("https://example.org/mrn").setValue("mrn-1");
        patient.addIdentifier().setSystem(Vocabularies.PATIENT_ID_SYSTEM).setValue("fd-1");
        String lane = BatchLanes.laneOf(post(patient), 0);

        assertThat(lane).isEqualTo(FhirPatient.fhirId("fd-1"));
        assertThat(BatchLanes.laneOf(post(about("Patient?identifier=" + Vocabularies.PATIENT_ID_SYSTEM + "|fd-1")), 1))
                .isEqualTo(lane);
        assertThat(BatchLanes.laneOf(
                        post(about("Patient?identifier=" + Vocabularies.PATIENT_ID_SYSTEM.replace(":", "%3A")
                                + "%7Cfd-1")),
                        2))
                .isEqualTo(lane);
        assertThat(BatchLanes.laneOf(post(about("Patient/" + FhirPatient.fhirId("fd-1"))), 3))
                .isEqualTo(lane);
        assertThat(BatchLanes.laneOf(post(about("Patient/" + FhirPatient.fhirId("fd-2"))), 4))
                .isNotEqualTo(lane);
        // nothing names a patient it could share: a lane of its own
        assertThat(BatchLanes.laneOf(post(new Condition()), 5)).isEqualTo("entry 5");
        assertThat(BatchLanes.laneOf(post(new Patient()), 6)).isEqualTo("entry 6");
        assertThat(BatchLanes.laneOf(post(about("Patient?name=x")), 7)).isEqualTo("Patient?name=x");
    }

    @Test
    void shouldCarryOutDifferentPatientsSideBySide() {
        // each of the two waits for the other to have begun: one after the other, neither would end
        CountDownLatch bothBegun = new CountDownLatch(2);
        List<Boolean> met = Collections.synchronizedList(new ArrayList<>());
        List<Bundle.BundleEntryComponent> entries = List.of(post(about("Patient/a")), post(about("Patient/b")));

        lanes.carryOut(entries, i -> {
            bothBegun.countDown();
            try {
                met.add(bothBegun.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(met).containsExactly(true, true);
    }

    @Test
    void shouldKeepTheBatchsOrderWithinAPatientAndCarryOutADeleteAfterEverythingBeforeIt() {
        List<Bundle.BundleEntryComponent> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(post(about("Patient/p" + (i % 4))));
        }
        Bundle.BundleEntryComponent delete = new Bundle.BundleEntryComponent();
        delete.getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Condition/x");
        entries.add(delete);
        for (int i = 0; i < 20; i++) {
            entries.add(post(about("Patient/p" + (i % 4))));
        }
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());

        lanes.carryOut(entries, done::add);

        assertThat(done).hasSize(61).doesNotHaveDuplicates();
        assertThat(done.indexOf(40))
                .as("the DELETE after the 40 entries before it")
                .isEqualTo(40);
        for (int lane = 0; lane < 4; lane++) {
            int patient = lane;
            List<Integer> ofPatient = done.stream()
                    .filter(i -> i != 40 && (i < 40 ? i % 4 : (i - 41) % 4) == patient)
                    .toList();
            assertThat(ofPatient).as("patient p" + patient).isSorted();
        }
    }

    private static Condition about(String reference) {
        return new Condition().setSubject(new Reference(reference));
    }

    private static Bundle.BundleEntryComponent post(Resource resource) {
        Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent().setResource(resource);
        entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
        return entry;
    }
}
