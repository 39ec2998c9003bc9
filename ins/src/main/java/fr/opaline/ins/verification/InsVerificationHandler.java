package fr.opaline.ins.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.Json;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.ins.insi.InsiClient;
import fr.opaline.ins.insi.InsiException;
import fr.opaline.ins.insi.InsiLookupResult;
import fr.opaline.ins.insi.InsiLookupService;
import fr.opaline.ins.insi.InsiResponse;
import fr.opaline.ins.status.IdentityFacts;
import fr.opaline.ins.status.IdentityStatusService;
import fr.opaline.ins.status.InsSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Verifies one identity's INS with INSi (outbox job). 00: the INS is confirmed and the 4-year
 * period starts again. Otherwise a new récupération is made with the local traits (DSR 3.2.8):
 * when it concords, the identity takes the INS it returns; when it does not, the INS is
 * withdrawn (the identity falls to validée or provisoire) and the reason is recorded, so that
 * the front desk recovers it at the next visit. A technical failure is retried; a job whose
 * identity was verified or changed meanwhile does nothing (idempotent).
 */
public final class InsVerificationHandler implements JobHandler {

    public static final String JOB_TYPE = "ins-verification";
    static final Actor ACTOR = Actor.system("ins-verification");

    private final Database database;
    private final InsiClient client;
    private final InsiLookupService lookup;
    private final IdentityStatusService statuses;

    public InsVerificationHandler(Database database, InsiClient client, InsiLookupService lookup,
                                  IdentityStatusService statuses) {
        this.database = database;
        this.client = client;
        this.lookup = lookup;
        this.statuses = statuses;
    }

    static String payload(UUID patientId, Instant verifiedAt, String why) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("patientId", patientId.toString());
        node.put("verifiedAt", verifiedAt == null ? null : verifiedAt.toString());
        node.put("reason", why);
        return node.toString();
    }

    @Override
    public String type() {
        return JOB_TYPE;
    }

    @Override
    public JobOutcome handle(OutboxJob job) throws Exception {
        JsonNode payload = Json.mapper().readTree(job.payload());
        UUID patientId = UUID.fromString(payload.get("patientId").asText());
        Instant expected = payload.hasNonNull("verifiedAt") ? Instant.parse(payload.get("verifiedAt").asText()) : null;
        Optional<Patient> found = new PatientRepository(database.dsl()).findById(patientId);
        if (found.isEmpty()) {
            return JobOutcome.done();
        }
        Patient patient = found.get();
        if (patient.ins() == null || !patient.status().hasIns() || !Objects.equals(patient.insVerifiedAt(), expected)) {
            return JobOutcome.done(); // verified, withdrawn or changed since the job was put
        }
        if (client == null) {
            return JobOutcome.retryAfter("Téléservice INSi non configuré (insi.url)", Duration.ofHours(6));
        }
        InsiResponse response;
        try {
            response = client.verify(patient.ins(), patient.traits());
        } catch (InsiException e) {
            return JobOutcome.retry(e.getMessage());
        }
        if (response.found()) {
            statuses.recordInsConfirmed(patientId, "Vérification INSi : INS et traits confirmés", ACTOR);
            return JobOutcome.done();
        }
        String failure = "Vérification INSi en échec (" + response.code() + " – " + response.label() + ")";
        InsiLookupResult again = lookup.lookup(patient.traits(), patient.ins());
        switch (again.outcome()) {
            case ERREUR_TECHNIQUE, INSI_NON_CONFIGURE -> {
                return JobOutcome.retry(failure + " ; nouvelle récupération impossible : " + again.message());
            }
            case RECUPEREE_AUTOMATIQUEMENT -> {
                IdentityFacts facts = statuses.facts(patientId);
                InsSource source = facts.insSource() == null ? InsSource.INSI_TRAITS : facts.insSource();
                statuses.recordInsRetrieval(patientId, again.identity().activeIns(), again.identity().traits(),
                        source == InsSource.APCV || source == InsSource.APCV_AYANT_DROIT ? InsSource.INSI_TRAITS : source,
                        failure + " ; nouvelle récupération concordante avec les traits locaux", ACTOR);
                return JobOutcome.done();
            }
            default -> {
                Patient after = statuses.withdrawIns(patientId, failure + " ; nouvelle récupération : "
                        + again.message() + " L'INS est retirée et sera à récupérer.", ACTOR);
                return after.status() == IdentityStatus.QUALIFIEE ? JobOutcome.failed("statut incohérent")
                        : JobOutcome.done();
            }
        }
    }
}
