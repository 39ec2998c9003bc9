package fr.opaline.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.common.MutableClock;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.dmp.client.DmpRejectedException;
import fr.opaline.dmp.consent.ConsultationPermit;
import fr.opaline.dmp.consent.TestPermits;
import fr.opaline.dmp.hl7v3.AuthorizationStatus;
import fr.opaline.dmp.hl7v3.ExistenceTest;
import fr.opaline.sandbox.dmp.SandboxDocuments;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.sandbox.pki.SandboxPki;
import fr.opaline.dmp.tls.PracticeCredentials;
import fr.opaline.dmp.vihf.AccessAuthentication;
import fr.opaline.dmp.vihf.PurposeOfUse;
import fr.opaline.dmp.vihf.VihfSubject;
import fr.opaline.dmp.xds.DmpSubmission;
import fr.opaline.dmp.xds.RetrieveDocuments;
import fr.opaline.dmp.xds.StoredQuery;
import fr.opaline.dmp.xds.XdsDocumentEntry;
import fr.opaline.dmp.xds.XdsVocabulary;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DMP client against the sandbox over mutual TLS: every transaction with its real shape
 * (SOAP 1.2, WS-Addressing, signed VIHF, HL7v3, XDS.b with MTOM and the signed submission).
 */
class DmpWireTest {

    static final InsNumber INS = new InsNumber("279035121518989", InsNumber.OID_TEST_NIR);

    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"), ZoneId.of("Europe/Paris"));
    SandboxConnection dmp;

    @BeforeEach
    void start() throws Exception {
        dmp = new SandboxConnection(clock);
    }

    @AfterEach
    void stop() {
        dmp.close();
    }

    static VihfSubject radiologist(AccessAuthentication mode, PurposeOfUse purpose) {
        return new VihfSubject("899700000000", "Claire LAMBERT", "10", "Médecin", "SM44", "Radio-diagnostic", mode,
                purpose, INS, null);
    }

    static byte[] ownReport(String uid, int version) {
        return SandboxDocuments.cda(new SandboxDocuments.Spec(uid, uid + ".set", version, "18748-4",
                "CR d'imagerie médicale", "Scanner thoracique", "99700000000", "Claire", "LAMBERT",
                SandboxConnection.STRUCTURE_ID, "Centre d'imagerie des Tilleuls", Instant.parse("2026-03-01T10:00:00Z"),
                "Compte rendu de test"), INS.matricule(), INS.oid());
    }

    @Test
    void existenceAuthorisationFeedQueryRetrieveVisibilityAndDeletion() throws Exception {
        ConsultationPermit permit = TestPermits.of(radiologist(AccessAuthentication.PRO_SANTE_CONNECT, PurposeOfUse.NORMAL));
        ExistenceTest.Answer first = dmp.client.testExistence(permit);
        assertThat(first.exists()).isTrue();
        assertThat(first.open()).isTrue();
        assertThat(first.authorization()).isEqualTo(AuthorizationStatus.NON_EXISTANTE);

        assertThatThrownBy(() -> dmp.client.query(permit, StoredQuery.findDocuments(XdsVocabulary.patientId(INS),
                List.of(XdsVocabulary.APPROVED), null, null, null)))
                .isInstanceOf(DmpRejectedException.class).hasMessageContaining("Autorisation");

        // TD0.4 success status as the ANS kit's DMP services answer it (issue 25; see docs/conformance.md)
        assertThat(dmp.client.setAuthorization(permit).status()).isEqualTo("DMPOK");
        assertThat(dmp.client.testExistence(permit).authorization()).isEqualTo(AuthorizationStatus.VALIDE);

        byte[] cda = ownReport("1.2.3.4.5.100.1", 1);
        VihfSubject author = radiologist(AccessAuthentication.INDIRECT, PurposeOfUse.NORMAL);
        dmp.client.provideAndRegister(author, new DmpSubmission(INS, cda, SandboxDocuments.metadata(cda, true, false), null));
        assertThat(dmp.sandbox.transactions().acceptedSubmissions("1.2.3.4.5.100.1")).isEqualTo(1);

        List<XdsDocumentEntry> own = dmp.client.lookup(author, List.of("1.2.3.4.5.100.1")).entries();
        assertThat(own).hasSize(1);
        assertThat(own.get(0).invisibleToPatient()).isTrue();

        List<XdsDocumentEntry> found = dmp.client.query(permit, StoredQuery.findDocuments(XdsVocabulary.patientId(INS),
                List.of(XdsVocabulary.APPROVED), null, null, null)).entries();
        assertThat(found).extracting(XdsDocumentEntry::uniqueId).containsExactly("1.2.3.4.5.100.1");
        assertThat(found.get(0).title()).isEqualTo("Scanner thoracique");

        List<RetrieveDocuments.Retrieved> retrieved = dmp.client.retrieve(permit,
                List.of(new RetrieveDocuments.Request(found.get(0).repositoryUniqueId(), "1.2.3.4.5.100.1")));
        assertThat(retrieved.get(0).content()).isEqualTo(cda);

        dmp.client.updateConfidentiality(permit, found.get(0), List.of(XdsVocabulary.NORMAL));
        XdsDocumentEntry visible = dmp.sandbox.transactions().documents(INS.matricule()).get(0);
        assertThat(visible.invisibleToPatient()).isFalse();
        assertThat(visible.metadataVersion()).isEqualTo(2);

        byte[] v2 = ownReport("1.2.3.4.5.100.2", 2);
        dmp.client.provideAndRegister(author, new DmpSubmission(INS, v2, SandboxDocuments.metadata(v2, false, false),
                visible.entryUuid()));
        assertThat(dmp.sandbox.transactions().documents(INS.matricule())).extracting(XdsDocumentEntry::status)
                .containsExactly(XdsVocabulary.DEPRECATED, XdsVocabulary.APPROVED);

        XdsDocumentEntry current = dmp.client.lookup(author, List.of("1.2.3.4.5.100.2")).entries().get(0);
        dmp.client.delete(author, current);
        assertThat(dmp.sandbox.transactions().documents(INS.matricule()).get(1).status()).isEqualTo(XdsVocabulary.DELETED);
    }

    @Test
    void aSecondSubmissionOfTheSameUniqueIdIsRefused() throws Exception {
        byte[] cda = ownReport("1.2.3.4.5.101.1", 1);
        VihfSubject author = radiologist(AccessAuthentication.INDIRECT, PurposeOfUse.NORMAL);
        DmpSubmission submission = new DmpSubmission(INS, cda, SandboxDocuments.metadata(cda, false, false), null);
        dmp.client.provideAndRegister(author, submission);
        assertThatThrownBy(() -> dmp.client.provideAndRegister(author, submission))
                .isInstanceOf(DmpRejectedException.class)
                .satisfies(e -> assertThat(((DmpRejectedException) e).code()).isEqualTo("XDSDuplicateUniqueIdInRegistry"));
        assertThat(dmp.sandbox.transactions().acceptedSubmissions("1.2.3.4.5.101.1")).isEqualTo(1);
    }

    /**
     * The DMP takes two certificates of the structure: authentication (TLS, ORG-AUTH_CLI) and signature
     * of the VIHF (cachet, ORG-SIGN): requirement EX_GEN-1450 (public in bitbucket.org/devbox-sante/homologation
     * issue 29); the ANS DRIMbox PoC loads auth.p12 and signature.p12 (ansforge/DRIM-M_DRIMbox,
     * Backend/src/main/java/com/bcom/drimbox/dmp/security/DMPKeyStore.java). A VIHF signed with the TLS
     * certificate, which the old client sent and the old sandbox required, is refused.
     */
    @Test
    void aVihfSignedWithTheTlsCertificateIsRefused() throws Exception {
        var oneKey = dmp.client(dmp.credentials, dmp.credentials, clock, java.time.Duration.ofSeconds(10));
        ConsultationPermit permit = TestPermits.of(radiologist(AccessAuthentication.AIR_SIMPLIFIE, PurposeOfUse.NORMAL));
        assertThatThrownBy(() -> oneKey.testExistence(permit)).isInstanceOf(DmpRejectedException.class)
                .hasMessageContaining("certificat de signature (cachet)");
        assertThat(dmp.client.testExistence(permit)).isNotNull();
    }

    @Test
    void aVihfSignedByAnotherStructuresSealIsRefused() throws Exception {
        PracticeCredentials other = PracticeCredentials.of(dmp.pki.issueSignature(
                        DmpSandbox.signatureSubject("1750000001", "Autre structure"), java.time.Duration.ofDays(30),
                        SandboxPki.PASSWORD.toCharArray()), SandboxPki.PASSWORD.toCharArray(), null);
        var mixed = dmp.client(dmp.credentials, other, clock, java.time.Duration.ofSeconds(10));
        ConsultationPermit permit = TestPermits.of(radiologist(AccessAuthentication.AIR_SIMPLIFIE, PurposeOfUse.NORMAL));
        assertThatThrownBy(() -> mixed.testExistence(permit)).isInstanceOf(DmpRejectedException.class)
                .hasMessageContaining("n'est pas celui de la structure");
    }

    @Test
    void aBlockedProfessionalIsToldSoAndCannotBeAuthorised() throws Exception {
        dmp.sandbox.transactions().block(INS.matricule(), "99700000000");
        ConsultationPermit permit = TestPermits.of(radiologist(AccessAuthentication.PRO_SANTE_CONNECT, PurposeOfUse.NORMAL));
        assertThat(dmp.client.testExistence(permit).authorization()).isEqualTo(AuthorizationStatus.INTERDITE);
        assertThatThrownBy(() -> dmp.client.setAuthorization(permit)).isInstanceOf(DmpRejectedException.class)
                .satisfies(e -> assertThat(((DmpRejectedException) e).code()).isEqualTo("DMPAccessDeniedByExcludedPS"));
    }
}
