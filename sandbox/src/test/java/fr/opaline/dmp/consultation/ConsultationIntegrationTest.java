package fr.opaline.dmp.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opaline.core.common.Json;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.core.patient.Patient;
import fr.opaline.dmp.DmpAuditActions;
import fr.opaline.dmp.DmpTestKit;
import fr.opaline.dmp.consent.ConsentDecision;
import fr.opaline.dmp.consent.ConsentOrigin;
import fr.opaline.dmp.consent.ConsentRequiredException;
import fr.opaline.dmp.dica.DicaChecklist;
import fr.opaline.dmp.dica.DicaCondition;
import fr.opaline.dmp.dica.DicaRemedy;
import fr.opaline.dmp.dica.DicaState;
import fr.opaline.sandbox.dmp.Received;
import fr.opaline.dmp.vihf.PurposeOfUse;
import fr.opaline.dmp.xds.XdsVocabulary;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consultation of the DMP against the sandbox over mutual TLS: consent first (SC.DMP/CONF.06),
 * the DICA checklist (SC.DMP/UX.13), authorisation set on opening, counts with invisible documents
 * (SC.DMP/UX.14), filters (UX.27), integration with dedupe (RIS.DMP/UX.15/17, CDA/DD.05), making
 * a document visible again, break-glass audited (SC.DMP/CONF.13).
 */
class ConsultationIntegrationTest {

    DmpTestKit kit;

    @BeforeEach
    void start() throws Exception {
        kit = new DmpTestKit();
    }

    @AfterEach
    void stop() throws Exception {
        kit.close();
    }

    @Test
    void withoutConsentNoRequestLeavesAndTheDicaSaysWhy() throws Exception {
        Patient patient = kit.qualifiedPatient("DURAND");
        kit.consent.record(patient.id(), ConsentDecision.refusesConsultation(), ConsentOrigin.DESK, kit.actor);

        assertThatThrownBy(() -> kit.consultation.open(patient.id(), kit.user(), kit.actor))
                .isInstanceOf(ConsentRequiredException.class).hasMessageContaining("refusé");
        assertThatThrownBy(() -> kit.consultation.integrate(patient.id(), kit.user(), List.of("1.2.3"), kit.actor))
                .isInstanceOf(ConsentRequiredException.class);

        JsonNode inspection = inspection();
        for (JsonNode record : inspection.get("dossiers")) {
            assertThat(record.get("ins").asText()).isNotEqualTo(patient.ins().matricule());
        }
        for (JsonNode request : inspection.get("dernieresRequetes")) {
            assertThat(request.get("patient").asText("")).doesNotContain(patient.ins().matricule());
        }
        assertThat(kit.dmp.sandbox.transactions().requestsAbout(patient.ins().matricule())).isZero();

        DicaChecklist dica = kit.dica.evaluate(patient.id(), kit.user());
        assertThat(dica.canConsult()).isFalse();
        assertThat(dica.item(DicaCondition.CONSENT).state()).isEqualTo(DicaState.UNMET);
        assertThat(dica.item(DicaCondition.CONSENT).remedy()).isEqualTo(DicaRemedy.RECORD_CONSENT);
        assertThat(dica.item(DicaCondition.DMP).state()).isEqualTo(DicaState.UNKNOWN);
        assertThat(dica.item(DicaCondition.INS).state()).isEqualTo(DicaState.MET);
        assertThat(dica.item(DicaCondition.AUTHENTICATION).state()).isEqualTo(DicaState.MET);
    }

    @Test
    void dicaIsRecomputedWhenConsentChangesAndAfterOpening() throws Exception {
        Patient patient = kit.qualifiedPatient("MOREAU");
        List<DicaChecklist> seen = new ArrayList<>();
        Runnable stop = kit.dica.watch(patient.id(), kit.user(), seen::add);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).item(DicaCondition.CONSENT).met()).isFalse();

        kit.consent.record(patient.id(), ConsentDecision.consents(), ConsentOrigin.DICA, kit.actor);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).item(DicaCondition.CONSENT).met()).isTrue();
        java.time.YearMonth month = java.time.YearMonth.now(kit.core.clock);
        var statistics = new fr.opaline.core.statistics.UsageStatistics(kit.db.database(),
                new fr.opaline.core.practice.PracticeProfile("Cabinet", null, null, null, null, null, null, null, null,
                        null, null), kit.core.clock).report(month, month);
        assertThat(statistics.count(month, null, fr.opaline.core.statistics.Indicator.CONSENTEMENTS_CONSULTATION))
                .as("the consent recorded from the DICA checklist is counted").isEqualTo(1);
        assertThat(statistics.count(month, null, fr.opaline.core.statistics.Indicator.UTILISATEURS_MEDECINS)).isEqualTo(1);
        assertThat(seen.get(1).item(DicaCondition.DMP).remedy()).isEqualTo(DicaRemedy.CHECK_AGAIN);

        kit.consultation.open(patient.id(), kit.user(), kit.actor);
        DicaChecklist last = seen.get(seen.size() - 1);
        assertThat(last.canConsult()).isTrue();
        assertThat(last.lines()).allMatch(l -> l.startsWith("[x]"));

        kit.dmp.sandbox.transactions().block(patient.ins().matricule(), DmpTestKit.RPPS);
        kit.consultation.open(patient.id(), kit.user(), kit.actor);
        last = seen.get(seen.size() - 1);
        assertThat(last.item(DicaCondition.DMP).state()).isEqualTo(DicaState.UNMET);
        assertThat(last.item(DicaCondition.DMP).reason()).contains("bloqué");
        stop.run();
    }

    @Test
    void openingSetsTheAuthorisationAndCountsThirdPartyDocumentsInvisibleIncluded() throws Exception {
        Patient patient = kit.qualifiedPatient("PETIT");
        kit.consent.record(patient.id(), ConsentDecision.consents(), ConsentOrigin.DESK, kit.actor);
        Instant now = kit.core.clock.instant();
        kit.thirdPartyDocument(patient, "1.2.3.9.1", "1.2.3.9.1.s", 1, "11488-4", "Compte rendu de consultation",
                now.minus(Duration.ofDays(30)), false);
        kit.thirdPartyDocument(patient, "1.2.3.9.2", "1.2.3.9.2.s", 1, "18748-4", "CR d'imagerie",
                now.minus(Duration.ofDays(20)), true);

        RecordOpening first = kit.consultation.open(patient.id(), kit.user(), kit.actor);
        assertThat(first.authorizationSet()).isTrue();
        assertThat(first.open()).isTrue();
        assertThat(first.counts()).isEqualTo(new DmpCounts(2, 1, 2, 1));
        assertThat(first.counts().describe()).contains("2 nouveaux documents").contains("dont 1 invisible au patient");
        Instant end = kit.dmp.sandbox.transactions().authorizationEnd(patient.ins().matricule(), DmpTestKit.RPPS);
        assertThat(end).isAfter(now.plus(Duration.ofDays(180)));
        assertThat(kit.authorizations.ofPatient(patient.id())).singleElement()
                .satisfies(a -> assertThat(a.expiresAt()).isCloseTo(end, org.assertj.core.api.Assertions.within(1,
                        ChronoUnit.DAYS)));

        kit.core.clock.advance(Duration.ofDays(2));
        kit.thirdPartyDocument(patient, "1.2.3.9.3", "1.2.3.9.3.s", 1, "11488-4", "Lettre de liaison",
                kit.core.clock.instant().minus(Duration.ofHours(1)), true);
        RecordOpening second = kit.consultation.open(patient.id(), kit.user(), kit.actor);
        assertThat(second.authorizationSet()).isFalse();
        assertThat(second.counts()).isEqualTo(new DmpCounts(1, 1, 3, 2));

        assertThat(second.filter(new DocumentFilter(Set.of("11488-4"), null, null, null, false)))
                .extracting(DmpDocument::uniqueId).containsExactlyInAnyOrder("1.2.3.9.1", "1.2.3.9.3");
        assertThat(second.filter(new DocumentFilter(Set.of(), null, null, "martin", true)))
                .extracting(DmpDocument::uniqueId).containsExactlyInAnyOrder("1.2.3.9.2", "1.2.3.9.3");
        assertThat(kit.consultation.search(patient.id(), kit.user(), new DocumentFilter(Set.of("18748-4"),
                now.minus(Duration.ofDays(25)), null, null, false), kit.actor))
                .extracting(DmpDocument::uniqueId).containsExactly("1.2.3.9.2");
        // every consultation of the DMP is audited: two openings and one search
        assertThat(kit.core.audit.forPatient(patient.id(), 1000).stream().filter(e ->
                e.action().equals(DmpAuditActions.DOCUMENTS_LISTED)).count()).isEqualTo(3);
    }

    @Test
    void integratesOnceWithProvenanceSupersedesOlderVersionsAndNoticesNewerOnes() throws Exception {
        Patient patient = kit.qualifiedPatient("ROUX");
        kit.consent.record(patient.id(), ConsentDecision.consents(), ConsentOrigin.DESK, kit.actor);
        Instant t = kit.core.clock.instant().minus(Duration.ofDays(10));
        kit.thirdPartyDocument(patient, "1.2.3.8.1", "1.2.3.8.s", 1, "11488-4", "Compte rendu", t, false);
        kit.thirdPartyDocument(patient, "1.2.3.8.7", "1.2.3.8.7.s", 1, "11488-4", "Autre", t, true);
        kit.consultation.open(patient.id(), kit.user(), kit.actor);

        List<Integration> first = kit.consultation.integrate(patient.id(), kit.user(),
                List.of("1.2.3.8.1", "1.2.3.8.7", "1.2.3.8.1"), kit.actor);
        assertThat(first).extracting(Integration::outcome).containsExactly(Integration.Outcome.INTEGRATED,
                Integration.Outcome.INTEGRATED);
        ClinicalDocument stored = new DocumentRepository(kit.db.database().dsl()).findByDocumentUid("1.2.3.8.1")
                .orElseThrow();
        assertThat(stored.provenance()).isEqualTo(Provenance.DMP);
        assertThat(stored.setId()).isEqualTo("1.2.3.8.s");
        assertThat(new DocumentRepository(kit.db.database().dsl()).findByDocumentUid("1.2.3.8.7").orElseThrow()
                .invisibleToPatient()).isTrue();

        assertThat(kit.consultation.integrate(patient.id(), kit.user(), List.of("1.2.3.8.1"), kit.actor))
                .extracting(Integration::outcome).containsExactly(Integration.Outcome.ALREADY_HELD);
        // same setId and versionNumber under another id: the same document, not stored twice
        kit.thirdPartyDocument(patient, "1.2.3.8.1.copy", "1.2.3.8.s", 1, "11488-4", "Compte rendu", t, false);
        assertThat(kit.consultation.integrate(patient.id(), kit.user(), List.of("1.2.3.8.1.copy"), kit.actor))
                .extracting(Integration::outcome).containsExactly(Integration.Outcome.ALREADY_HELD);

        // a version 2 appears in the DMP, replacing version 1: notice, then integration supersedes v1
        replaceInSandbox(patient, "1.2.3.8.1", "1.2.3.8.2", "1.2.3.8.s", 2, t.plus(Duration.ofDays(1)));
        RecordOpening opening = kit.consultation.open(patient.id(), kit.user(), kit.actor);
        assertThat(opening.newerVersions()).extracting(NewerVersion::uniqueId).containsExactly("1.2.3.8.1");
        assertThat(opening.newerVersions().get(0).notice()).contains("version plus récente");
        assertThat(kit.consultation.integrate(patient.id(), kit.user(), List.of("1.2.3.8.2"), kit.actor))
                .extracting(Integration::outcome).containsExactly(Integration.Outcome.INTEGRATED);
        DocumentRepository documents = new DocumentRepository(kit.db.database().dsl());
        assertThat(documents.findByDocumentUid("1.2.3.8.1").orElseThrow().status()).isEqualTo(DocumentStatus.SUPERSEDED);
        assertThat(documents.findByDocumentUid("1.2.3.8.2").orElseThrow().status()).isEqualTo(DocumentStatus.CURRENT);
        assertThat(kit.consultation.open(patient.id(), kit.user(), kit.actor).newerVersions()).isEmpty();
        assertThat(kit.core.audit.forPatient(patient.id(), 1000).stream().filter(e ->
                e.action().equals(DmpAuditActions.DOCUMENT_INTEGRATED)).count()).isEqualTo(3);
    }

    @Test
    void makesAnInvisibleDocumentVisibleAgainInOneClick() throws Exception {
        Patient patient = kit.qualifiedPatient("BLANC");
        kit.consent.record(patient.id(), ConsentDecision.consents(), ConsentOrigin.DESK, kit.actor);
        kit.thirdPartyDocument(patient, "1.2.3.7.1", "1.2.3.7.s", 1, "11488-4", "CR", kit.core.clock.instant(), true);
        kit.consultation.open(patient.id(), kit.user(), kit.actor);

        kit.consultation.makeVisible(patient.id(), kit.user(), "1.2.3.7.1", kit.actor);

        assertThat(kit.dmp.sandbox.transactions().documents(patient.ins().matricule()))
                .filteredOn(e -> XdsVocabulary.APPROVED.equals(e.status()))
                .singleElement().satisfies(e -> assertThat(e.invisibleToPatient()).isFalse());
        assertThat(kit.consultation.open(patient.id(), kit.user(), kit.actor).counts().totalInvisible()).isZero();
    }

    @Test
    void breakGlassIsTracedAuditedAndSentAsSuchWithoutSettingAnAuthorisation() throws Exception {
        Patient patient = kit.qualifiedPatient("GIRARD");
        assertThatThrownBy(() -> kit.consultation.open(patient.id(), kit.user(), kit.actor))
                .isInstanceOf(ConsentRequiredException.class);

        kit.consent.breakGlass(patient.id(), "Patient inconscient aux urgences, antécédents nécessaires",
                kit.radiologist, kit.actor);
        RecordOpening opening = kit.consultation.open(patient.id(), kit.user(), kit.actor);

        assertThat(opening.open()).isTrue();
        assertThat(opening.authorizationSet()).isFalse();
        assertThat(kit.authorizations.ofPatient(patient.id())).isEmpty();
        List<Received> received = kit.dmp.sandbox.transactions().received();
        assertThat(received).filteredOn(r -> r.patient() != null && r.patient().contains(patient.ins().matricule()))
                .isNotEmpty().allMatch(r -> PurposeOfUse.BRIS_DE_GLACE.code().equals(r.purpose()));
        assertThat(kit.core.audit.forPatient(patient.id(), 1000)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(DmpAuditActions.BREAK_GLASS);
            assertThat(e.detail()).contains("inconscient").contains(DmpTestKit.RPPS);
        });
        assertThat(kit.consent.currentEpisode(patient.id()).orElseThrow().consultationConsent())
                .isEqualTo(ConsultationConsent.NOT_ASKED);
        assertThat(kit.dica.evaluate(patient.id(), kit.user()).item(DicaCondition.CONSENT).reason())
                .contains("bris de glace");
    }

    private void replaceInSandbox(Patient patient, String oldUid, String newUid, String setId, int version,
                                  Instant created) throws Exception {
        // the third party replaces its document: its new version and the old one deprecated
        kit.thirdPartyDocument(patient, newUid, setId, version, "11488-4", "Compte rendu", created, false);
        kit.dmp.sandbox.transactions().deprecate(patient.ins().matricule(), oldUid);
    }

    private JsonNode inspection() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                kit.dmp.sandbox.inspectionUri()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}
