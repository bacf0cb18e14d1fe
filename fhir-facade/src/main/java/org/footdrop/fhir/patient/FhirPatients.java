package org.footdrop.fhir.patient;

import com.mongodb.client.model.UpdateOptions;
import java.util.Optional;
import org.bson.Document;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.support.audit.AuditTrail;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The facade's own Patient store: one document per patient, keyed on the FHIR id. Every read is audited. */
@Component
public class FhirPatients {

    static final String COLLECTION = "fhir_patients";

    private final MongoTemplate mongo;
    private final AuditTrail audit;

    public FhirPatients(MongoTemplate mongo, AuditTrail audit) {
        this.mongo = mongo;
        this.audit = audit;
    }

    public Optional<FhirPatient> find(String fhirId) {
        Document found = mongo.getCollection(COLLECTION)
                .find(new Document("_id", fhirId))
                .first();
        Optional<FhirPatient> patient = Optional.ofNullable(found).map(FhirPatients::patient);
        patient.ifPresent(p -> audit.read(p.patientId()));
        return patient;
    }

    public Optional<FhirPatient> findByPatientId(String patientId) {
        return find(FhirPatient.fhirId(patientId));
    }

    /**
     * Stores a new patient, in one command: false, and nothing written, when the id is stored already
     * (a patient created before, or by a concurrent create, whose later versions stay as they are). An
     * upsert that only sets on insert, not an insert: the embedded store checks an insert's unique key
     * and writes it in two steps, so two concurrent inserts could both pass, where its updates are
     * carried out one at a time.
     */
    public boolean create(FhirPatient patient) {
        audit.read(patient.patientId());
        return mongo.getCollection(COLLECTION)
                        .updateOne(
                                new Document("_id", patient.fhirId()),
                                new Document(
                                        "$setOnInsert",
                                        new Document("patientId", patient.patientId())
                                                .append("birthYear", patient.birthYear())
                                                .append(
                                                        "sex",
                                                        patient.sex() == null
                                                                ? null
                                                                : patient.sex().name())
                                                .append("version", patient.version())),
                                new UpdateOptions().upsert(true))
                        .getUpsertedId()
                != null;
    }

    /**
     * Writes the patient's next version if the stored one is still {@code expectedVersion}.
     *
     * @return false when another write came first (or the patient is gone)
     */
    public boolean replace(FhirPatient patient, int expectedVersion) {
        audit.read(patient.patientId());
        return mongo.getCollection(COLLECTION)
                        .updateOne(
                                new Document("_id", patient.fhirId()).append("version", expectedVersion),
                                new Document(
                                        "$set",
                                        new Document("birthYear", patient.birthYear())
                                                .append(
                                                        "sex",
                                                        patient.sex() == null
                                                                ? null
                                                                : patient.sex().name())
                                                .append("version", patient.version())))
                        .getMatchedCount()
                == 1;
    }

    private static FhirPatient patient(Document document) {
        String sex = document.getString("sex");
        return new FhirPatient(
                document.getString("patientId"),
                document.getInteger("birthYear"),
                sex == null ? null : Sex.valueOf(sex),
                document.getInteger("version", 1));
    }
}
