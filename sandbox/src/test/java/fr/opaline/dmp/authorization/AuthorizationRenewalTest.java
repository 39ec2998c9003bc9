package fr.opaline.dmp.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.outbox.OutboxWorker;
import fr.opaline.core.patient.Patient;
import fr.opaline.dmp.DmpAuditActions;
import fr.opaline.dmp.DmpTestKit;
import fr.opaline.dmp.consent.ConsentDecision;
import fr.opaline.dmp.consent.ConsentOrigin;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The individual authorisation set on opening the record is renewed before its 6-month end
 * while the care episode lasts with its consent, through the outbox, against the sandbox; not
 * renewed once consent is withdrawn.
 */
class AuthorizationRenewalTest {

    DmpTestKit kit;
    AuthorizationRenewal renewal;
    OutboxWorker worker;

    @BeforeEach
    void start() throws Exception {
        kit = new DmpTestKit();
        renewal = new AuthorizationRenewal(kit.authorizations, kit.core.outbox, kit.core.clock,
                AuthorizationRenewal.DEFAULT_MARGIN);
        worker = new OutboxWorker(kit.core.outbox, "test", 1, Duration.ofMinutes(1), Duration.ofMillis(50))
                .register(new AuthorizationRenewalHandler(kit.db.database(), kit.guard, kit.authorizations));
    }

    @AfterEach
    void stop() throws Exception {
        kit.close();
    }

    @Test
    void renewedBeforeItsEndWhileTheEpisodeLasts() throws Exception {
        Patient patient = kit.qualifiedPatient("ROBIN");
        kit.consent.record(patient.id(), ConsentDecision.consents(), ConsentOrigin.DESK, kit.actor);
        kit.consultation.open(patient.id(), kit.user(), kit.actor);
        Instant firstEnd = kit.dmp.sandbox.transactions().authorizationEnd(patient.ins().matricule(), DmpTestKit.RPPS);
        assertThat(renewal.scan()).isZero();

        kit.core.clock.advance(Duration.ofDays(175));
        assertThat(renewal.scan()).isEqualTo(1);
        assertThat(renewal.scan()).isZero();
        assertThat(worker.runOne()).isTrue();

        Instant renewedEnd = kit.dmp.sandbox.transactions().authorizationEnd(patient.ins().matricule(), DmpTestKit.RPPS);
        assertThat(renewedEnd).isAfter(firstEnd.plus(Duration.ofDays(160)));
        assertThat(kit.authorizations.ofPatient(patient.id())).singleElement()
                .satisfies(a -> assertThat(a.expiresAt()).isAfter(kit.core.clock.instant().plus(Duration.ofDays(180))));
        assertThat(kit.core.audit.forPatient(patient.id(), 100))
                .anyMatch(e -> e.action().equals(DmpAuditActions.AUTHORIZATION_RENEWED));
        assertThat(renewal.scan()).isZero();
    }

    @Test
    void notRenewedOnceConsentIsWithdrawn() throws Exception {
        Patient patient = kit.qualifiedPatient("NOEL");
        kit.consent.record(patient.id(), ConsentDecision.consents(), ConsentOrigin.DESK, kit.actor);
        kit.consultation.open(patient.id(), kit.user(), kit.actor);
        Instant firstEnd = kit.dmp.sandbox.transactions().authorizationEnd(patient.ins().matricule(), DmpTestKit.RPPS);
        kit.consent.record(patient.id(), ConsentDecision.refusesConsultation(), ConsentOrigin.DESK, kit.actor);

        kit.core.clock.advance(Duration.ofDays(175));
        assertThat(renewal.scan()).isEqualTo(1);
        int before = kit.dmp.sandbox.transactions().requestsAbout(patient.ins().matricule());
        worker.runOne();

        assertThat(kit.dmp.sandbox.transactions().authorizationEnd(patient.ins().matricule(), DmpTestKit.RPPS))
                .isEqualTo(firstEnd);
        assertThat(kit.dmp.sandbox.transactions().requestsAbout(patient.ins().matricule())).isEqualTo(before);
        assertThat(kit.authorizations.ofPatient(patient.id())).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo("ENDED"));
        assertThat(renewal.scan()).isZero();
    }
}
