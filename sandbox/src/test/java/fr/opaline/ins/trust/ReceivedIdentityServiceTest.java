package fr.opaline.ins.trust;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.sandbox.ins.InsiSandbox;
import fr.opaline.ins.testing.InsiKit;
import fr.opaline.ins.status.IdentityStatusService;
import fr.opaline.ins.status.InsSource;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Received identities through the matrix, with INSi asked over the network (SC.INS.11, SC.INS.20). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceivedIdentityServiceTest {

    static final IdentityTraits PAT_TROIS = IdentityTraits.of("PAT-TROIS", "DOMINIQUE", LocalDate.of(1979, 3, 28), Sex.F, "51215");
    static final InsNumber PAT_TROIS_INS = new InsNumber("279035121518989", InsNumber.OID_TEST_NIR);

    TestDatabases.TestDatabase db;
    CoreFixture f;
    InsiKit kit;
    InsiSandbox sandbox;
    IdentityStatusService statuses;
    TrustedCorrespondents correspondents;
    ReceivedIdentityService service;

    @BeforeAll
    void setUp() throws Exception {
        db = TestDatabases.h2();
        f = new CoreFixture(db.database());
        kit = new InsiKit(f);
        sandbox = kit.sandbox;
        statuses = kit.statuses;
        correspondents = new TrustedCorrespondents(f.database, f.audit, f.ids, f.clock);
        correspondents.add("Téléradiologie du Nord", Channel.TELERADIOLOGIE, "TELERAD-NORD", "Convention 2026-04", f.secretary);
        service = new ReceivedIdentityService(f.database, f.patients, statuses, kit.lookup, correspondents, f.audit);
    }

    @AfterAll
    void tearDown() throws Exception {
        kit.close();
        db.close();
    }

    @Test
    void aQualifiedIdentityFromATrustedSenderIsQualifiedHereWithTiersDeConfiance() {
        ReceivedIdentity received = new ReceivedIdentity(PAT_TROIS, PAT_TROIS_INS, IdentityStatus.QUALIFIEE, null,
                Channel.TELERADIOLOGIE, " telerad-nord ", null, null);
        ReceivedIdentityEvaluation e = service.evaluate(received, null);
        assertThat(e.contract()).isTrue();
        assertThat(e.insiAnswer()).isEqualTo(InsiAnswer.UNE_IDENTITE);
        Patient p = service.apply(e, f.secretary);
        assertThat(p.status()).isEqualTo(IdentityStatus.QUALIFIEE);
        assertThat(p.identityEvidence()).isEqualTo("TIERS_DE_CONFIANCE");
        assertThat(p.ins()).isEqualTo(PAT_TROIS_INS);
    }

    @Test
    void theSameIdentityFromAnUnknownSenderIsOnlyRecuperee() {
        ReceivedIdentity received = new ReceivedIdentity(PAT_TROIS, PAT_TROIS_INS, IdentityStatus.QUALIFIEE, null,
                Channel.MSSANTE, "inconnu@exemple.mssante.fr", null, null);
        Patient p = service.apply(service.evaluate(received, null), f.secretary);
        assertThat(p.status()).isEqualTo(IdentityStatus.RECUPEREE);
        assertThat(p.identityEvidence()).isNull();
    }

    @Test
    void notFoundByInsiGivesValideeUnderContractAndProvisoireWithout() {
        IdentityTraits absent = IdentityTraits.of("ABSENT", "JEAN", LocalDate.of(2001, 1, 1), Sex.M, null);
        Patient trusted = service.apply(service.evaluate(new ReceivedIdentity(absent, null, IdentityStatus.VALIDEE,
                null, Channel.TELERADIOLOGIE, "TELERAD-NORD", null, null), null), f.secretary);
        assertThat(trusted.status()).isEqualTo(IdentityStatus.VALIDEE);
        Patient untrusted = service.apply(service.evaluate(new ReceivedIdentity(absent, null, IdentityStatus.VALIDEE,
                null, Channel.HL7, "AUTRE", null, null), null), f.secretary);
        assertThat(untrusted.status()).isEqualTo(IdentityStatus.PROVISOIRE);
    }

    @Test
    void aLocalRecupereeIdentityIsQualifiedWithoutCallingInsi() {
        IdentityTraits lea = IdentityTraits.of("MOREAU", "LEA", LocalDate.of(2012, 5, 6), Sex.F, "44109");
        Patient local = f.patients.create(NewPatient.of(lea), f.secretary);
        InsNumber ins = new InsNumber("212054410908785", InsNumber.OID_TEST_NIR);
        statuses.recordInsRetrieval(local.id(), ins, lea, InsSource.INSI_CARTE_VITALE, "carte Vitale", f.secretary);
        sandbox.clearReceived();
        ReceivedIdentityEvaluation e = service.evaluate(new ReceivedIdentity(lea, ins, IdentityStatus.QUALIFIEE, null,
                Channel.TELERADIOLOGIE, "TELERAD-NORD", null, null), local.id());
        assertThat(e.insi()).isNull();
        assertThat(e.decision().action()).isEqualTo(TrustDecision.Action.RAPPROCHER);
        Patient p = service.apply(e, f.secretary);
        assertThat(p.id()).isEqualTo(local.id());
        assertThat(p.status()).isEqualTo(IdentityStatus.QUALIFIEE);
        assertThat(sandbox.received()).isEmpty();
    }

    @Test
    void aReceivedProvisoireIdentityIsANewProvisoireOne() {
        Patient p = service.apply(service.evaluate(new ReceivedIdentity(PAT_TROIS, null, IdentityStatus.PROVISOIRE, null,
                Channel.TELERADIOLOGIE, "TELERAD-NORD", null, null), null), f.secretary);
        assertThat(p.status()).isEqualTo(IdentityStatus.PROVISOIRE);
        assertThat(p.ins()).isNull();
    }

    @Test
    void aDeactivatedContractNoLongerCounts() {
        TrustedCorrespondent c = correspondents.add("Clinique du Parc", Channel.HL7, "CLINIQUE-PARC", null, f.secretary);
        assertThat(correspondents.isTrusted(Channel.HL7, "clinique-parc")).isTrue();
        correspondents.setActive(c.id(), false, f.secretary);
        assertThat(correspondents.isTrusted(Channel.HL7, "CLINIQUE-PARC")).isFalse();
        assertThat(correspondents.isTrusted(Channel.MSSANTE, "TELERAD-NORD")).isFalse();
    }
}
