package fr.opaline.hl7.inbound;

import static fr.opaline.core.persistence.generated.Tables.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.MutableClock;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.hl7.Fixtures;
import fr.opaline.hl7.lps.ReceivedDocuments;
import fr.opaline.hl7.message.Acks;
import fr.opaline.hl7.mllp.MllpFrameReader;
import fr.opaline.hl7.pam.PatientAdministrationHandler;
import fr.opaline.hl7.pam.PatientMerge;
import fr.opaline.hl7.sent.BusinessAckHandler;
import fr.opaline.hl7.sent.SentMessageLog;
import fr.opaline.hl7.teleradiology.OutboxReceivedDocumentFeed;
import fr.opaline.hl7.teleradiology.TeleradiologyResultHandler;
import fr.opaline.hl7.transmission.CdaTransmissionMessages;
import fr.opaline.hl7.transmission.DocumentAction;
import fr.opaline.hl7.transmission.DocumentMetadata;
import fr.opaline.hl7.transmission.DocumentTransmission;
import fr.opaline.hl7.transmission.MessageRouting;
import fr.opaline.ins.insi.InsiClient;
import fr.opaline.ins.insi.InsiLookupService;
import fr.opaline.ins.insi.InsiSettings;
import fr.opaline.sandbox.ins.InsiSandbox;
import fr.opaline.sandbox.ins.SandboxIdentities;
import fr.opaline.ins.status.IdentityStatusService;
import fr.opaline.ins.trust.ReceivedIdentityService;
import fr.opaline.ins.trust.TrustedCorrespondents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import fr.opaline.core.common.Actor;
import fr.opaline.hl7.mllp.MllpConnection;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.Hl7PeerDeclaration;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The other inbound flows through the receiver: ADT/PAM FR identities via the trust-contract
 * matrix with the sandbox INSi (SC.INS.11/20), the DMP consent in CON, A40 merges; ZAM business
 * acknowledgements; the teleradiology CR integrated unchanged and queued for the DMP after the
 * delay (RIS.TLR/INT.01/02).
 */
class InboundFlowsTest {

    TestDatabases.TestDatabase db;
    CoreFixture core;
    InsiSandbox insi;
    InboundMessageStore store;
    Hl7Receiver receiver;
    SentMessageLog sent;
    TrustedCorrespondents registry;
    static final Actor SYSTEM = Actor.system("test");

    @BeforeEach
    void start() throws Exception {
        db = TestDatabases.h2();
        core = new CoreFixture(db.database(), new MutableClock(Instant.parse("2026-03-02T10:00:00Z"), CoreFixture.PARIS));
        insi = new InsiSandbox(0, SandboxIdentities.builtIn(), core.clock);
        insi.start();
        IdentityStatusService statuses = new IdentityStatusService(core.database, core.patients, core.audit, core.ids,
                core.clock, new PracticeSettings(core.database));
        InsiLookupService lookup = new InsiLookupService(new InsiClient(InsiSettings.of(insi.endpoint(),
                Duration.ofSeconds(3)), core.clock), core.database, core.patients, statuses, core.audit, core.clock,
                null);
        registry = new TrustedCorrespondents(core.database, core.audit, core.ids, core.clock);
        ReceivedIdentityService identities = new ReceivedIdentityService(core.database, core.patients, statuses, lookup,
                registry, core.audit);
        registry.addHl7Peer(new Hl7PeerDeclaration("GAM de l'hôpital", Channel.HL7, "GAM", "HOPITAL",
                List.of("127.0.0.1"), null, List.of("ADT^A28", "ADT^A31", "ADT^A08", "ADT^A40"), false, null), SYSTEM);
        registry.addHl7Peer(new Hl7PeerDeclaration("PFI", Channel.HL7, "PFI-X", null, List.of("127.0.0.0/8"), null,
                List.of("ZAM^Z01"), false, null), SYSTEM);
        registry.addHl7Peer(new Hl7PeerDeclaration("Plateforme", Channel.TELERADIOLOGIE, "TLR-APP", null,
                List.of("127.0.0.1"), null, null, false, null), SYSTEM);
        store = new InboundMessageStore(db.database(), core.ids, core.clock);
        sent = new SentMessageLog(db.database(), core.ids, core.clock);
        receiver = new Hl7Receiver("test", store, List.of(
                new PatientAdministrationHandler(db.database(), identities, core.episodes, new PatientMerge(core.audit),
                        CoreFixture.UID_ROOT + ".9", core.clock),
                new BusinessAckHandler(db.database(), sent),
                new TeleradiologyResultHandler(db.database(), new ReceivedDocuments(core.ids, core.clock),
                        new OutboxReceivedDocumentFeed(core.outbox), core.audit, Set.of("TLR-APP")::contains,
                        Duration.ofHours(2), CoreFixture.UID_ROOT + ".9", core.clock)), StandardCharsets.UTF_8,
                new Hl7PeerGate(registry), core.audit, core.clock);
    }

    @AfterEach
    void stop() throws Exception {
        insi.stop(Duration.ZERO);
        db.close();
    }

    Acks.Received receive(String er7) {
        return receive(er7, InetAddress.getLoopbackAddress());
    }

    Acks.Received receive(String er7, InetAddress from) {
        byte[] bytes = er7.replace('\n', '\r').getBytes(StandardCharsets.UTF_8);
        return Acks.read(new String(receiver.onFrame(new MllpFrameReader.Frame(bytes, false, bytes.length),
                new MllpConnection(from, 40000, null)), StandardCharsets.UTF_8));
    }

    static final String ADT = """
            MSH|^~\\&|GAM|HOPITAL|OPALINE|CABINET|20260302100000||ADT^A28^ADT_A05|%s|P|2.5|||||FRA|UNICODE UTF-8
            EVN||20260302100000
            PID|||%s^^^HOPITAL&1.2.250.99.1&ISO^PI~279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS||PAT-TROIS^DOMINIQUE^DOMINIQUE MARIE-LOUISE^^^^L~Dupont^Dominique^^^^^D||19790328|F|||^^^^^^BDL^^51215|||||||||||||||||||||QUAL
            PV1|1|N
            """;

    @Test
    void pamIdentitiesConsentAndMerge() {
        Acks.Received created = receive(ADT.formatted("A1", "IPP-H-1")
                + "CON|1|ALIM_DMP^Alimentation du DMP||||||||||R\r");
        assertThat(created.code().name()).as(created.detail()).isEqualTo("AA");
        List<Patient> found = new PatientRepository(db.database().dsl()).findByInsMatricule("279035121518989");
        assertThat(found).hasSize(1);
        Patient p = found.get(0);
        assertThat(p.traits().birthName()).isEqualTo("PAT-TROIS");
        assertThat(p.usedName()).isEqualTo("Dupont");
        // Without a trust contract the INSi récupération decides: récupérée, not qualifiée (SC.INS.20).
        assertThat(p.status()).isEqualTo(IdentityStatus.RECUPEREE);
        assertThat(new CareEpisodeRepository(db.database().dsl()).findOpen(p.id()).orElseThrow().dmpFeedingOpposition())
                .isTrue();

        // An update from the same sender finds the same patient again (its IPP was recorded).
        assertThat(receive(ADT.formatted("A2", "IPP-H-1").replace("ADT^A28^ADT_A05", "ADT^A31^ADT_A05")
                + "CON|1|CONSULT_DMP||||||||||A\r").code().name()).isEqualTo("AA");
        assertThat(new PatientRepository(db.database().dsl()).findByInsMatricule("279035121518989")).hasSize(1);
        assertThat(new CareEpisodeRepository(db.database().dsl()).findOpen(p.id()).orElseThrow().consultationAllowed())
                .isTrue();

        // A duplicate created at the desk, known to the hospital under another IPP, then merged (A40).
        Patient duplicate = core.patient("PAT TROIS", "DOMINIQUE", LocalDate.of(1979, 3, 28), Sex.F);
        db.database().inTransactionRun(ctx -> fr.opaline.hl7.pam.SenderIdentifiers.record(ctx,
                List.of(new fr.opaline.hl7.message.ReceivedPid.Identifier("IPP-H-2", "1.2.250.99.1", "PI")),
                duplicate.id(), core.clock.instant()));
        core.episodes.currentOrOpen(duplicate.id(), core.secretary);
        Acks.Received merged = receive(ADT.formatted("A3", "IPP-H-1").replace("ADT^A28^ADT_A05", "ADT^A40^ADT_A39")
                .replace("PV1|1|N\n", "MRG|IPP-H-2^^^HOPITAL&1.2.250.99.1&ISO^PI\n"));
        assertThat(merged.code().name()).as(merged.detail()).isEqualTo("AA");
        assertThat(db.database().dsl().select(PATIENT.MERGED_INTO_ID).from(PATIENT).where(PATIENT.ID.eq(duplicate.id()))
                .fetchOne(PATIENT.MERGED_INTO_ID)).isEqualTo(p.id());
        assertThat(new CareEpisodeRepository(db.database().dsl()).findByPatient(p.id())).hasSize(2);
        assertThat(new PatientRepository(db.database().dsl()).search(fr.opaline.core.patient.PatientQuery.byName("PAT")))
                .extracting(Patient::id).contains(p.id()).doesNotContain(duplicate.id());

        assertThat(receive(ADT.formatted("A4", "IPP-H-9").replace("PAT-TROIS^DOMINIQUE^DOMINIQUE MARIE-LOUISE^^^^L~", "")
                .replace("||19790328|F|", "|||F|")).detail()).contains("101");
    }

    @Test
    void businessAcknowledgementsAreRecordedAgainstTheMessageSent() {
        String zam = Fixtures.read("Volets/TRANS_DOC_CDA_HL7V2/V2.1/ORU/Transmission initiale ORU/Message metier reception DMP");
        sent.recordSent(null, "PFI", "015", "ORU^R01", "1.2.3", null, "AA", null);
        Acks.Received ack = receive(zam);
        assertThat(ack.code().name()).isEqualTo("AA");
        List<SentMessageLog.BusinessAck> acks = sent.businessAcks("015");
        assertThat(acks).hasSize(1);
        assertThat(acks.get(0).kind()).isEqualTo("ACK_RECEPTION_DMP");
        assertThat(acks.get(0).success()).isFalse();
        assertThat(acks.get(0).errorCode()).isEqualTo("DMPClosed");
    }

    @Test
    void aTeleradiologyCrIsIntegratedUnchangedAndQueuedForTheDmpAfterTheDelay() throws Exception {
        String lps = Fixtures.read("Volets/Trans_LPS_CDA_MSSanté/V1.0/Transmission initiale MDM/"
                + "message_MDM__LPS_MSS_CR_Radio_INIT_N1_Base64.er7");
        byte[] cda = Base64.getDecoder().decode(lps.lines().flatMap(l -> java.util.Arrays.stream(l.split("\r")))
                .filter(s -> s.startsWith("OBX|1|")).findFirst().orElseThrow().split("\\|")[5].split("\\^")[4]);
        Patient p = new Patient(core.ids.newId(), "T1", CoreFixture.UID_ROOT + ".9",
                IdentityTraits.of("PATA", "DOMINIQUE", LocalDate.of(2005, 1, 1), Sex.M, "63220"), null, null,
                new InsNumber("274075176079430", InsNumber.OID_NIR), IdentityStatus.QUALIFIEE, IdentityAttributes.NONE,
                "CNI", core.clock.instant(), null, core.clock.instant(), core.clock.instant(), 0);
        db.database().inTransactionRun(ctx -> new PatientRepository(ctx).insert(p));
        DocumentTransmission t = new DocumentTransmission(DocumentAction.INITIAL, p, cda,
                "1.2.250.1.71.4.2.2.120456789^A71024000081", null, "18748-4", "CR d'imagerie médicale",
                core.clock.instant(), null, List.of(), new DocumentMetadata(false, false, false, false, false, true,
                false, false, false, false), "CABINET");
        String oru = CdaTransmissionMessages.oru(t, new MessageRouting("TLR-APP", "PLATEFORME", "OPALINE", "CABINET", "P",
                StandardCharsets.UTF_8), "TLR1", core.clock.instant());
        Acks.Received ack = receive(oru);
        assertThat(ack.code().name()).as(ack.detail()).isEqualTo("AA");
        List<ClinicalDocument> docs = new DocumentRepository(db.database().dsl()).listForPatient(p.id());
        assertThat(docs).extracting(ClinicalDocument::provenance).containsExactly(Provenance.TELERADIOLOGY);
        assertThat(new DocumentRepository(db.database().dsl()).findById(docs.get(0).id()).orElseThrow().content())
                .isEqualTo(cda);
        List<OutboxJob> jobs = core.outbox.list(Set.of(OutboxReceivedDocumentFeed.JOB_TYPE), Set.of(), null, 5);
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).dueAt()).isEqualTo(core.clock.instant().plus(Duration.ofHours(2)));
        assertThat(jobs.get(0).payload()).contains("INITIAL").contains("A71024000081");

        // Flux 3: the platform's answer to a request, without a document.
        String answer = "MSH|^~\\&|TLR-APP|PLATEFORME|OPALINE|CABINET|20260302110000||ORU^R01^ORU_R01|TLR2|P|2.5.1|||||FRA|"
                + "UNICODE UTF-8|||1.0^CISIS_TLR_HL7_V2\rPID|||T1^^^^PI\rORC|OC|OPN101^^1.2.3^ISO\r"
                + "OBR||OPN101^^1.2.3^ISO||REPONSE_DEMANDE^Réponse^TLR_OBR_PROCEDURE\r";
        assertThat(receive(answer).code().name()).isEqualTo("AA");
    }

    @Test
    void onlyDeclaredPeersWithinTheirRightsChangeAnything() {
        assertThat(receive(ADT.formatted("P1", "IPP-H-1")).code().name()).isEqualTo("AA");
        Patient duplicate = core.patient("PAT TROIS", "DOMINIQUE", LocalDate.of(1979, 3, 28), Sex.F);
        db.database().inTransactionRun(ctx -> fr.opaline.hl7.pam.SenderIdentifiers.record(ctx,
                List.of(new fr.opaline.hl7.message.ReceivedPid.Identifier("IPP-H-2", "1.2.250.99.1", "PI")),
                duplicate.id(), core.clock.instant()));
        String merge = ADT.formatted("E1", "IPP-H-1").replace("ADT^A28^ADT_A05", "ADT^A40^ADT_A39")
                .replace("PV1|1|N\n", "MRG|IPP-H-2^^^HOPITAL&1.2.250.99.1&ISO^PI\n");

        // An invented sender: AR with the reason, nothing merged, audited.
        Acks.Received evil = receive(merge.replace("|GAM|HOPITAL|", "|EVIL|HOPITAL|"));
        assertThat(evil.code().name()).isEqualTo("AR");
        assertThat(evil.detail()).contains("non déclaré").contains("EVIL");
        // The declared sender from another address, another MSH-4, or beyond its rights.
        assertThat(receive(merge, address("10.9.8.7")).detail()).contains("Adresse source 10.9.8.7 non autorisée");
        assertThat(receive(merge.replace("|GAM|HOPITAL|", "|GAM|AILLEURS|")).detail()).contains("MSH-4");
        assertThat(receive(merge.replace("|GAM|HOPITAL|", "|TLR-APP|PLATEFORME|")).detail())
                .contains("ADT^A40 non autorisé").contains("ORU^R01");
        assertThat(db.database().dsl().select(PATIENT.MERGED_INTO_ID).from(PATIENT).where(PATIENT.ID.eq(duplicate.id()))
                .fetchOne(PATIENT.MERGED_INTO_ID)).isNull();
        assertThat(db.database().dsl().fetchCount(fr.opaline.core.persistence.generated.Tables.AUDIT_EVENT,
                fr.opaline.core.persistence.generated.Tables.AUDIT_EVENT.ACTION.eq(Hl7Receiver.AUDIT_REFUSED)))
                .isEqualTo(4);
        assertThat(store.recent(10)).filteredOn(r -> "AR".equals(r.ackCode())).hasSize(4);

        // The declared sender, from its address, within its rights, merges.
        assertThat(receive(merge).code().name()).isEqualTo("AA");
    }

    @Test
    void twoUpdatesWithTheSameSenderIdentifierMakeOnePatient() {
        String a08 = ADT.replace("ADT^A28^ADT_A05", "ADT^A08^ADT_A01")
                .replace("%s^^^HOPITAL&1.2.250.99.1&ISO^PI~279035121518989^^^ASIP-SANTE-INS-NIR&1.2.250.1.213.1.4.10&ISO^INS",
                        "%s^^^^PI").replace("|||||||||||||||||||||QUAL", "");
        assertThat(receive(a08.formatted("U1", "GAM-77")).code().name()).isEqualTo("AA");
        // The second corrects the birth name: the sender's identifier (no authority) finds the patient again.
        Acks.Received second = receive(a08.formatted("U2", "GAM-77").replace("PAT-TROIS^", "PAT-TROYS^"));
        assertThat(second.code().name()).as(second.detail()).isEqualTo("AA");
        assertThat(new PatientRepository(db.database().dsl()).search(fr.opaline.core.patient.PatientQuery.byName("PAT-TRO")))
                .hasSize(1);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
