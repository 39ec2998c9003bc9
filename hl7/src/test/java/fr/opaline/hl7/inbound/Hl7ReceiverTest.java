package fr.opaline.hl7.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.MutableClock;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.common.Actor;
import fr.opaline.hl7.Fixtures;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.Hl7PeerDeclaration;
import fr.opaline.ins.trust.TrustedCorrespondents;
import fr.opaline.hl7.lps.MssanteDocumentHandler;
import fr.opaline.hl7.lps.ReceivedDocuments;
import fr.opaline.hl7.message.Acks;
import fr.opaline.hl7.message.MshHeader;
import fr.opaline.hl7.mllp.MllpClient;
import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.mllp.MllpFrameReader;
import fr.opaline.hl7.mllp.MllpServer;
import fr.opaline.hl7.mllp.MllpServerSettings;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MLLP listener with the message log and the MSSanté → LPS handler, over real sockets:
 * every message stored before its ACK, duplicates answered once, the CI-SIS error ACKs, and bad
 * input — malformed frames, wrong encodings, oversized messages, unknown types and versions,
 * non-MLLP bytes, half-open connections — answered or disconnected without losing anything.
 */
class Hl7ReceiverTest {

    static final String INIT = "Volets/Trans_LPS_CDA_MSSanté/V1.0/Transmission initiale MDM/"
            + "message_MDM__LPS_MSS_CR_Radio_INIT_N1_Base64.er7";

    TestDatabases.TestDatabase db;
    CoreFixture core;
    InboundMessageStore store;
    MllpServer server;
    MllpClient client;
    final AtomicBoolean failNext = new AtomicBoolean();

    @BeforeEach
    void start() throws Exception {
        db = TestDatabases.h2();
        core = new CoreFixture(db.database(), new MutableClock(Instant.parse("2026-03-02T10:00:00Z"), CoreFixture.PARIS));
        store = new InboundMessageStore(db.database(), core.ids, core.clock);
        InboundHandler documents = new MssanteDocumentHandler(db.database(), new ReceivedDocuments(core.ids, core.clock),
                core.audit);
        InboundHandler flaky = new InboundHandler() {
            @Override
            public Set<String> messageTypes() {
                return documents.messageTypes();
            }

            @Override
            public boolean handles(MshHeader header) {
                return documents.handles(header);
            }

            @Override
            public InboundOutcome handle(InboundMessage message) throws Exception {
                if (failNext.getAndSet(false)) {
                    throw new IllegalStateException("base de données indisponible");
                }
                return documents.handle(message);
            }
        };
        TrustedCorrespondents registry = new TrustedCorrespondents(db.database(), core.audit, core.ids, core.clock);
        registry.addHl7Peer(new Hl7PeerDeclaration("Messagerie (PFI)", Channel.HL7, "RIS-Y", null, List.of("127.0.0.1"),
                null, List.of("MDM", "QRY"), false, null), Actor.system("test"));
        Hl7Receiver receiver = new Hl7Receiver("test", store, List.of(flaky), StandardCharsets.UTF_8,
                new Hl7PeerGate(registry), core.audit, core.clock);
        server = new MllpServer("test", MllpServerSettings.loopback(0).withIdleTimeout(Duration.ofMillis(800))
                .withMessageTimeout(Duration.ofMillis(800)).withMaxMessageBytes(2 * 1024 * 1024), receiver);
        server.start();
        client = new MllpClient(MllpEndpoint.of("127.0.0.1", server.port()));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.stop(Duration.ofSeconds(1));
        db.close();
    }

    Patient patientA(String birthName, IdentityStatus status) {
        Patient p = new Patient(core.ids.newId(), "P" + System.nanoTime() % 100000, CoreFixture.UID_ROOT + ".9",
                IdentityTraits.of(birthName, "DOMINIQUE", LocalDate.of(2005, 1, 1), Sex.M, "63220"), null, null,
                new InsNumber("274075176079430", InsNumber.OID_NIR), status, IdentityAttributes.NONE, "CNI",
                core.clock.instant(), null, core.clock.instant(), core.clock.instant(), 0);
        db.database().inTransactionRun(ctx -> new PatientRepository(ctx).insert(p));
        return p;
    }

    Acks.Received send(String er7) throws Exception {
        return Acks.read(new String(client.exchange(er7.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    @Test
    void anMssanteDocumentWithAnExactlyMatchingQualifiedInsIsIntegratedOnce() throws Exception {
        Patient p = patientA("PATA", IdentityStatus.QUALIFIEE);
        String message = Fixtures.read(INIT);
        byte[] first = client.exchange(message.getBytes(StandardCharsets.UTF_8));
        assertThat(Acks.read(new String(first, StandardCharsets.UTF_8)).code().name()).isEqualTo("AA");
        String ack = new String(first, StandardCharsets.UTF_8);
        assertThat(ack).contains("ACK^T02^ACK").contains("MSA|AA|015").contains("|FRA|UNICODE UTF-8");
        List<ClinicalDocument> docs = new DocumentRepository(db.database().dsl()).listForPatient(p.id());
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).provenance()).isEqualTo(Provenance.MSSANTE);
        assertThat(docs.get(0).invisibleToPatient()).isTrue();
        ClinicalDocument stored = new DocumentRepository(db.database().dsl()).findById(docs.get(0).id()).orElseThrow();
        assertThat(new String(stored.content(), StandardCharsets.UTF_8)).contains("274075176079430");

        // Sent again (the PFI lost our ACK): the same answer, nothing integrated twice.
        byte[] again = client.exchange(message.getBytes(StandardCharsets.UTF_8));
        assertThat(again).isEqualTo(first);
        assertThat(new DocumentRepository(db.database().dsl()).listForPatient(p.id())).hasSize(1);
        assertThat(store.count()).isEqualTo(1);
        StoredMessage row = store.recent(1).get(0);
        assertThat(row.state()).isEqualTo(StoredMessage.PROCESSED);
        assertThat(row.content()).isEqualTo(message.getBytes(StandardCharsets.UTF_8));
        assertThat(row.patientId()).isEqualTo(p.id());
    }

    @Test
    void withoutAnExactQualifiedInsMatchTheSpecifiedErrorAckIsReturned() throws Exception {
        String message = Fixtures.read(INIT);
        Acks.Received unknown = send(message);
        assertThat(unknown.code().name()).isEqualTo("AE");
        assertThat(unknown.detail()).contains("207").contains("902");

        patientA("PATA", IdentityStatus.VALIDEE);
        Acks.Received notQualified = send(message.replace("|015|", "|016|"));
        assertThat(notQualified.detail()).contains("904");

        patientA("PATB", IdentityStatus.QUALIFIEE);
        Acks.Received otherTraits = send(message.replace("|015|", "|017|"));
        assertThat(otherTraits.detail()).contains("904");

        Acks.Received incomplete = send(message.replace("|015|", "|018|").replace("~^^^^^^BDL^^63220", ""));
        assertThat(incomplete.detail()).contains("905");
        assertThat(store.recent(10)).extracting(StoredMessage::state).containsOnly(StoredMessage.REJECTED);
    }

    @Test
    void anInternalFailureIsRejectedAndTheResendIsProcessed() throws Exception {
        Patient p = patientA("PATA", IdentityStatus.QUALIFIEE);
        String message = Fixtures.read(INIT);
        failNext.set(true);
        assertThat(send(message).code().name()).isEqualTo("AR");
        assertThat(new DocumentRepository(db.database().dsl()).listForPatient(p.id())).isEmpty();
        assertThat(send(message).code().name()).isEqualTo("AA");
        assertThat(new DocumentRepository(db.database().dsl()).listForPatient(p.id())).hasSize(1);
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void badInputGetsTheRightAnswerAndIsKept() throws Exception {
        String message = Fixtures.read(INIT);
        // No MSH at all.
        assertThat(send("PID|||123\r").detail()).contains("100");
        // Declares UTF-8, sends Latin-1 bytes.
        byte[] latin1 = message.replace("|015|", "|020|").replace("Masqué", "Masqué").getBytes(StandardCharsets.ISO_8859_1);
        Acks.Received wrongEncoding = Acks.read(new String(client.exchange(latin1), StandardCharsets.UTF_8));
        assertThat(wrongEncoding.code().name()).isEqualTo("AE");
        assertThat(wrongEncoding.detail()).contains("Octets invalides");
        // Unknown message type, unknown event, unsupported version, unknown charset.
        assertThat(send(message.replace("MDM^T02^MDM_T02", "QRY^A19^QRY_A19")).detail()).contains("200");
        assertThat(send(message.replace("MDM^T02^MDM_T02", "MDM^T99^MDM_T02")).detail()).contains("201");
        assertThat(send(message.replace("|P|2.6|", "|P|2.3|")).detail()).contains("203");
        assertThat(send(message.replace("UNICODE UTF-8", "EBCDIC")).detail()).contains("Jeu de caractères");
        // Oversized: refused with AE, its head kept in the log.
        String big = message.replace("|015|", "|021|") + "NTE|||" + "x".repeat(3 * 1024 * 1024) + "\r";
        Acks.Received oversized = send(big);
        assertThat(oversized.code().name()).isEqualTo("AE");
        assertThat(oversized.detail()).contains("trop volumineux");
        assertThat(store.recent(20)).extracting(StoredMessage::state).containsOnly(StoredMessage.REJECTED);
        assertThat(store.count()).isEqualTo(7);

        // Not MLLP at all: the connection is closed, the server goes on.
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET / HTTP/1.1\r\n" + "x".repeat(5000)).getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(3000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        // Half-open: a frame started and never finished is dropped at the idle timeout, unanswered.
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(MllpFrameReader.START);
            out.write(message.substring(0, 200).getBytes(StandardCharsets.UTF_8));
            out.flush();
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(store.count()).isEqualTo(7);
        patientA("PATA", IdentityStatus.QUALIFIEE);
        assertThat(send(message).code().name()).isEqualTo("AA");
        assertThat(new DocumentRepository(db.database().dsl()).listForPatient(
                new PatientRepository(db.database().dsl()).findByInsMatricule("274075176079430").get(0).id()))
                .extracting(ClinicalDocument::status).containsExactly(DocumentStatus.CURRENT);
    }
}
