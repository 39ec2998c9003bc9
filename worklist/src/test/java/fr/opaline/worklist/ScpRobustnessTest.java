package fr.opaline.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.DatasetWriter;
import fr.opaline.worklist.data.DicomCharset;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.data.Vr;
import fr.opaline.worklist.dimse.Dimse;
import fr.opaline.worklist.dimse.DimseClient;
import fr.opaline.worklist.dimse.MessageAssembler;
import fr.opaline.worklist.net.AssociationRejectedException;
import fr.opaline.worklist.net.Pdu;
import fr.opaline.worklist.net.Pdu.Abort;
import fr.opaline.worklist.net.Pdu.AssociateAccept;
import fr.opaline.worklist.net.Pdu.AssociateReject;
import fr.opaline.worklist.net.Pdu.PData;
import fr.opaline.worklist.net.Pdu.Pdv;
import fr.opaline.worklist.net.Pdu.PresentationContextResult;
import fr.opaline.worklist.net.PduCodec;
import fr.opaline.worklist.net.Requestor;
import fr.opaline.worklist.testing.RawPeer;
import fr.opaline.worklist.testing.WorklistTestBed;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad peers get the answer PS3.8 prescribes — A-ASSOCIATE-RJ, A-ABORT with the right reason,
 * or a DIMSE failure status — and the SCP keeps serving: after each test no connection is
 * left open.
 */
class ScpRobustnessTest {

    static final String AE = WorklistTestBed.AE;
    static WorklistTestBed bed;
    static WorklistScp scp;

    @BeforeAll
    static void start() throws Exception {
        bed = new WorklistTestBed();
        WorklistSettings s = WorklistTestBed.settings();
        scp = bed.start(new WorklistSettings(s.aeTitle(), s.bindAddress(), 0, Set.of("MODALITY1", "MODALITY2"), false,
                Duration.ofMillis(800), Duration.ofMillis(1500), 16384, 20, 30, 3, DicomCharset.ISO_IR_100, ""));
        // 30 per address: every client here is 127.0.0.1, and the association limit (20) is tested on its own
    }

    @AfterAll
    static void stop() throws Exception {
        bed.close();
    }

    @AfterEach
    void nothingLeftOpen() throws Exception {
        awaitNoConnection();
        try (DimseClient client = client("MODALITY1")) {
            assertThat(client.echo()).as("the SCP still answers").isEqualTo(Dimse.SUCCESS);
        }
        awaitNoConnection();
    }

    static void awaitNoConnection() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (scp.server().openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(scp.server().openConnections()).isZero();
        assertThat(scp.server().activeAssociations()).isZero();
    }

    static DimseClient client(String callingAe) throws Exception {
        return DimseClient.connect("127.0.0.1", scp.port(), new Requestor.Options(callingAe, AE,
                DimseClient.propose(Dimse.VERIFICATION, Dimse.MODALITY_WORKLIST_FIND), 16384, Duration.ofSeconds(5)));
    }

    static RawPeer associated(TransferSyntax syntax) throws Exception {
        RawPeer peer = new RawPeer(scp.port());
        peer.send(RawPeer.request(AE, "MODALITY1", RawPeer.context(1, Dimse.MODALITY_WORKLIST_FIND, syntax),
                RawPeer.context(3, Dimse.VERIFICATION)));
        assertThat(peer.receive()).isInstanceOf(AssociateAccept.class);
        return peer;
    }

    static void assertAbort(RawPeer peer, int reason) throws Exception {
        Pdu pdu = peer.receive();
        assertThat(pdu).isEqualTo(new Abort(Abort.SOURCE_SERVICE_PROVIDER, reason));
        peer.awaitClose(Duration.ofSeconds(5));
    }

    static byte[] findCommand(int messageId) {
        Attributes command = new Attributes();
        command.setString(Tags.AFFECTED_SOP_CLASS_UID, Vr.UI, Dimse.MODALITY_WORKLIST_FIND);
        command.setInt(Tags.COMMAND_FIELD, Vr.US, Dimse.C_FIND_RQ);
        command.setInt(Tags.MESSAGE_ID, Vr.US, messageId);
        command.setInt(Tags.PRIORITY, Vr.US, 0);
        command.setInt(Tags.COMMAND_DATA_SET_TYPE, Vr.US, 0);
        return DatasetWriter.writeCommand(command);
    }

    static Pdu message(int context, byte[] command, byte[] dataset) {
        List<Pdv> pdvs = new ArrayList<>(List.of(new Pdv(context, true, true, command)));
        if (dataset != null) {
            pdvs.add(new Pdv(context, false, true, dataset));
        }
        return new PData(pdvs);
    }

    /** Reads DIMSE responses until a non-pending status; returns the statuses. */
    static List<Integer> statuses(RawPeer peer) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        var assembler = new MessageAssembler(1 << 20);
        while (true) {
            for (var message : assembler.accept((PData) peer.receive())) {
                statuses.add(message.status());
                if (!Dimse.isPending(message.status())) {
                    return statuses;
                }
            }
        }
    }

    // ------------------------------------------------------------ before the association

    @Test
    void anUnknownPduTypeIsAborted() throws Exception {
        try (RawPeer peer = new RawPeer(scp.port())) {
            peer.send(RawPeer.header(0x09, 4)).send(new byte[4]);
            assertAbort(peer, Abort.UNRECOGNIZED_PDU);
        }
    }

    @Test
    void anAssociateRequestAnnouncingTwoGigabytesIsAbortedWithoutReadingIt() throws Exception {
        try (RawPeer peer = new RawPeer(scp.port())) {
            peer.send(RawPeer.header(Pdu.TYPE_ASSOCIATE_RQ, 0x7FFFFFF0L));
            assertAbort(peer, Abort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void anItemLongerThanItsPduIsAborted() throws Exception {
        byte[] good = PduCodec.encode(RawPeer.request(AE, "MODALITY1",
                RawPeer.context(1, Dimse.VERIFICATION)));
        byte[] bad = good.clone();
        int firstItem = 6 + 68;
        bad[firstItem + 2] = (byte) 0x7F; // application context item length far beyond the PDU
        try (RawPeer peer = new RawPeer(scp.port())) {
            peer.send(bad);
            assertAbort(peer, Abort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void dataBeforeTheAssociationIsAnUnexpectedPdu() throws Exception {
        try (RawPeer peer = new RawPeer(scp.port())) {
            peer.send(message(1, findCommand(1), null));
            assertAbort(peer, Abort.UNEXPECTED_PDU);
        }
    }

    @Test
    void aReleaseRequestOfWrongLengthIsAborted() throws Exception {
        try (RawPeer peer = associated(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            peer.send(RawPeer.header(Pdu.TYPE_RELEASE_RQ, 10)).send(new byte[10]);
            assertAbort(peer, Abort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void aTruncatedPduThenDisconnectFreesTheConnection() throws Exception {
        try (RawPeer peer = new RawPeer(scp.port())) {
            peer.send(RawPeer.header(Pdu.TYPE_ASSOCIATE_RQ, 300)).send(new byte[50]);
            peer.closeAbruptly();
        }
    }

    @Test
    void silenceAfterConnectIsClosedWhenArtimExpires() throws Exception {
        try (RawPeer peer = new RawPeer(scp.port())) {
            Duration closedAfter = peer.awaitClose(Duration.ofSeconds(5));
            assertThat(closedAfter).isBetween(Duration.ofMillis(600), Duration.ofSeconds(3));
        }
    }

    @Test
    void anIdleAssociationIsAborted() throws Exception {
        try (RawPeer peer = associated(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            long start = System.nanoTime();
            assertAbort(peer, Abort.REASON_NOT_SPECIFIED);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1200));
        }
    }

    // ------------------------------------------------------------ negotiation

    @Test
    void aCallingAeTitleNotInTheListIsRejected() throws Exception {
        try (RawPeer peer = new RawPeer(scp.port())) {
            peer.send(RawPeer.request(AE, "INTRUDER", RawPeer.context(1, Dimse.VERIFICATION)));
            assertThat(peer.receive()).isEqualTo(new AssociateReject(AssociateReject.PERMANENT,
                    AssociateReject.SOURCE_SERVICE_USER, AssociateReject.USER_CALLING_AE_NOT_RECOGNIZED));
            peer.awaitClose(Duration.ofSeconds(5));
        }
        try (DimseClient allowed = client("MODALITY2")) {
            assertThat(allowed.echo()).isZero();
        }
    }

    @Test
    void aWrongCalledAeTitleApplicationContextOrProtocolVersionIsRejected() throws Exception {
        List<Pdu.AssociateRequest> requests = List.of(
                RawPeer.request("NOT_OPALINE", "MODALITY1", RawPeer.context(1, Dimse.VERIFICATION)),
                new Pdu.AssociateRequest(1, AE, "MODALITY1", "1.2.3.4", List.of(RawPeer.context(1, Dimse.VERIFICATION)),
                        RawPeer.request(AE, "MODALITY1").userInformation()),
                new Pdu.AssociateRequest(2, AE, "MODALITY1", Pdu.APPLICATION_CONTEXT,
                        List.of(RawPeer.context(1, Dimse.VERIFICATION)), RawPeer.request(AE, "MODALITY1").userInformation()));
        List<AssociateReject> expected = List.of(
                new AssociateReject(1, AssociateReject.SOURCE_SERVICE_USER, AssociateReject.USER_CALLED_AE_NOT_RECOGNIZED),
                new AssociateReject(1, AssociateReject.SOURCE_SERVICE_USER,
                        AssociateReject.USER_APPLICATION_CONTEXT_NOT_SUPPORTED),
                new AssociateReject(1, AssociateReject.SOURCE_ACSE, AssociateReject.ACSE_PROTOCOL_VERSION_NOT_SUPPORTED));
        for (int i = 0; i < requests.size(); i++) {
            try (RawPeer peer = new RawPeer(scp.port())) {
                peer.send(requests.get(i));
                assertThat(peer.receive()).isEqualTo(expected.get(i));
                peer.awaitClose(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void unknownSopClassesAndTransferSyntaxesAreRefusedPerContext() throws Exception {
        try (RawPeer peer = new RawPeer(scp.port())) {
            peer.send(RawPeer.request(AE, "MODALITY1",
                    RawPeer.context(1, "1.2.840.10008.5.1.4.1.2.1.1"), // Patient Root Q/R FIND
                    new Pdu.PresentationContext(3, Dimse.MODALITY_WORKLIST_FIND, List.of("1.2.840.10008.1.2.2")),
                    RawPeer.context(5, Dimse.MODALITY_WORKLIST_FIND, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)));
            AssociateAccept ac = (AssociateAccept) peer.receive();
            assertThat(ac.contexts()).extracting(PresentationContextResult::result).containsExactly(
                    PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                    PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                    PresentationContextResult.ACCEPTANCE);
            assertThat(ac.contexts().get(2).transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
            peer.send(new Pdu.ReleaseRequest());
            assertThat(peer.receive()).isInstanceOf(Pdu.ReleaseResponse.class);
        }
    }

    @Test
    void everyAssociationBeyondTheLimitIsRejectedAsTransient() throws Exception {
        List<DimseClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                held.add(client("MODALITY1"));
            }
            try (DimseClient extra = client("MODALITY1")) {
                throw new AssertionError("accepted beyond the limit: " + extra);
            } catch (AssociationRejectedException e) {
                assertThat(e.reject()).isEqualTo(new AssociateReject(AssociateReject.TRANSIENT,
                        AssociateReject.SOURCE_PRESENTATION, AssociateReject.PRESENTATION_LOCAL_LIMIT_EXCEEDED));
            }
        } finally {
            for (DimseClient client : held) {
                client.close();
            }
        }
    }

    // ------------------------------------------------------------ established association

    @Test
    void dataOnAContextThatWasNotAcceptedIsAborted() throws Exception {
        try (RawPeer peer = associated(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            peer.send(message(7, findCommand(1), new byte[0]));
            assertAbort(peer, Abort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void aDataPduAboveTheAnnouncedMaximumIsAborted() throws Exception {
        try (RawPeer peer = associated(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            peer.send(new PData(List.of(new Pdv(1, false, false, new byte[20000]))));
            assertAbort(peer, Abort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void aDataFragmentBeforeItsCommandIsAborted() throws Exception {
        try (RawPeer peer = associated(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            peer.send(new PData(List.of(new Pdv(1, false, true, new byte[8]))));
            assertAbort(peer, Abort.UNEXPECTED_PDU_PARAMETER);
        }
    }

    @Test
    void anUnknownCommandIsAbortedAndAnUnsupportedOneRefused() throws Exception {
        try (RawPeer peer = associated(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            Attributes store = new Attributes();
            store.setString(Tags.AFFECTED_SOP_CLASS_UID, Vr.UI, "1.2.840.10008.5.1.4.1.1.2");
            store.setInt(Tags.COMMAND_FIELD, Vr.US, Dimse.C_STORE_RQ);
            store.setInt(Tags.MESSAGE_ID, Vr.US, 5);
            store.setInt(Tags.COMMAND_DATA_SET_TYPE, Vr.US, Dimse.NO_DATA_SET);
            peer.send(message(1, DatasetWriter.writeCommand(store), null));
            assertThat(statuses(peer)).containsExactly(Dimse.UNRECOGNIZED_OPERATION);

            Attributes weird = new Attributes();
            weird.setInt(Tags.COMMAND_FIELD, Vr.US, 0x1234);
            weird.setInt(Tags.COMMAND_DATA_SET_TYPE, Vr.US, Dimse.NO_DATA_SET);
            peer.send(message(1, DatasetWriter.writeCommand(weird), null));
            assertAbort(peer, Abort.UNRECOGNIZED_PDU_PARAMETER);
        }
    }

    @Test
    void aCommandThatDoesNotDecodeIsAborted() throws Exception {
        try (RawPeer peer = associated(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            peer.send(message(1, new byte[] {0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF, 0, 0}, null));
            assertAbort(peer, Abort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Test
    void aMalformedIdentifierGetsUnableToProcess() throws Exception {
        try (RawPeer peer = associated(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
            byte[] broken = {0x10, 0x00, 0x10, 0x00, 'P', 'N', (byte) 0xF0, 0x00, 'D', 'U'}; // length beyond the data
            peer.send(message(1, findCommand(1), broken));
            assertThat(statuses(peer)).containsExactly(Dimse.UNABLE_TO_PROCESS);
            peer.send(new Pdu.ReleaseRequest());
            assertThat(peer.receive()).isInstanceOf(Pdu.ReleaseResponse.class);
        }
    }

    @Test
    void anInvalidDateKeyGetsIdentifierDoesNotMatch() throws Exception {
        Attributes query = new Attributes();
        query.newSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(new Attributes()
                .setString(Tags.SCHEDULED_PROCEDURE_STEP_START_DATE, Vr.DA, "2026-03-02"));
        try (DimseClient client = client("MODALITY1")) {
            DimseClient.FindResult result = client.find(Dimse.MODALITY_WORKLIST_FIND, query);
            assertThat(result.finalStatus()).isEqualTo(Dimse.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS);
            assertThat(result.errorComment()).contains("(0040,0002)");
            assertThat(client.echo()).isZero();
        }
    }

    @Test
    void aCancelSentWithTheQueryStopsItBeforeAnyResult() throws Exception {
        Attributes query = new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, "");
        Attributes cancel = new Attributes();
        cancel.setInt(Tags.COMMAND_FIELD, Vr.US, Dimse.C_CANCEL_RQ);
        cancel.setInt(Tags.MESSAGE_ID_BEING_RESPONDED_TO, Vr.US, 1);
        cancel.setInt(Tags.COMMAND_DATA_SET_TYPE, Vr.US, Dimse.NO_DATA_SET);
        try (RawPeer peer = associated(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(PduCodec.encode(message(1, findCommand(1),
                    DatasetWriter.write(query, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN))));
            both.writeBytes(PduCodec.encode(message(1, DatasetWriter.writeCommand(cancel), null)));
            peer.send(both.toByteArray());
            assertThat(statuses(peer)).containsExactly(Dimse.CANCEL);
            peer.send(new Pdu.ReleaseRequest());
            assertThat(peer.receive()).isInstanceOf(Pdu.ReleaseResponse.class);
        }
    }

    @Test
    void moreMatchesThanTheLimitAreCutWithOutOfResources() throws Exception {
        try (DimseClient client = client("MODALITY1")) {
            DimseClient.FindResult result = client.find(Dimse.MODALITY_WORKLIST_FIND,
                    new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, ""));
            assertThat(result.matches()).hasSize(3);
            assertThat(result.finalStatus()).isEqualTo(Dimse.OUT_OF_RESOURCES);
        }
    }

    @Test
    void aPeerVanishingInTheMiddleOfAQueryLeavesNothingBehind() throws Exception {
        try (RawPeer peer = associated(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            peer.send(message(1, findCommand(1), DatasetWriter.write(
                    new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, ""), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)));
            peer.closeAbruptly();
        }
    }

    @Test
    void aPeerAbortingIsLetGo() throws Exception {
        try (RawPeer peer = associated(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            peer.send(new Abort(Abort.SOURCE_SERVICE_USER, 0));
            peer.awaitClose(Duration.ofSeconds(5));
        }
    }
}
