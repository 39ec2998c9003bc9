package fr.opaline.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.worklist.dimse.Dimse;
import fr.opaline.worklist.dimse.DimseClient;
import fr.opaline.worklist.net.AssociationRejectedException;
import fr.opaline.worklist.net.DicomServer;
import fr.opaline.worklist.net.Pdu.AssociateReject;
import fr.opaline.worklist.net.Requestor;
import fr.opaline.worklist.testing.LogCapture;
import fr.opaline.worklist.testing.RawPeer;
import fr.opaline.worklist.testing.WorklistTestBed;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may query the worklist (issue 20): by default the station AE titles of the catalogue's
 * rooms and the configured titles only; any other caller gets A-ASSOCIATE-RJ (rejected-permanent,
 * DICOM UL service-user, calling AE title not recognized), audited with its address; network text
 * never reaches the log or the audit trail raw.
 */
class CallerAdmissionTest {

    static final AssociateReject NOT_RECOGNIZED = new AssociateReject(1, 1, 3);
    static WorklistTestBed bed;
    static WorklistScp scp;

    @BeforeAll
    static void start() throws Exception {
        bed = new WorklistTestBed();
        scp = bed.start();
    }

    @AfterAll
    static void stop() throws Exception {
        bed.close();
    }

    @Test
    void anUnknownCallerIsRejectedAsNotRecognizedAndAuditedWithItsAddress() throws Exception {
        for (int i = 0; i < 5; i++) {
            try (RawPeer peer = new RawPeer(scp.port(), "127.0.0.3")) {
                peer.send(RawPeer.request(WorklistTestBed.AE, "X", RawPeer.context(1, Dimse.MODALITY_WORKLIST_FIND)));
                assertThat(peer.receive()).isEqualTo(NOT_RECOGNIZED);
                peer.awaitClose(Duration.ofSeconds(5));
            }
        }
        List<AuditEvent> refusals = refusals("« X »");
        assertThat(refusals).as("one entry per address and title and minute, whatever the count").hasSize(1);
        assertThat(refusals.get(0).detail()).contains("titre AE appelant non reconnu", "127.0.0.3",
                WorklistTestBed.AE);
        assertThat(refusals.get(0).actorLogin()).isEqualTo("system:worklist");
    }

    @Test
    void theRoomsModalitiesAndTheConfiguredTitlesAreServed() throws Exception {
        for (String caller : List.of(bed.ct.stationAeTitle(), bed.mr.stationAeTitle(), WorklistTestBed.FINDSCU)) {
            try (DimseClient client = client(caller)) {
                assertThat(client.echo()).as(caller).isEqualTo(Dimse.SUCCESS);
            }
        }
        assertThat(scp.modalities().roomTitles()).containsExactly("AE_CT1", "AE_ECHO1", "AE_IRM1");
    }

    @Test
    void aRoomGivenAStationAeTitleWhileRunningIsServedWithoutRestart() throws Exception {
        assertRejected("AE_SALLE_NEUVE");
        Room room = new Room(bed.fx.ids.newId(), "RADIO9", "Radio 9", Modality.DX, "AE_SALLE_NEUVE", null, true);
        bed.db.database().inTransactionRun(ctx -> new CatalogueRepository(ctx).insertRoom(room));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (DimseClient client = client("AE_SALLE_NEUVE")) {
                assertThat(client.echo()).isEqualTo(Dimse.SUCCESS);
                break;
            } catch (AssociationRejectedException e) {
                assertThat(System.nanoTime()).as("the new room is let in within 10 s").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    @Test
    void controlCharactersFromTheNetworkAreEscapedInTheLogAndTheAuditTrail() throws Exception {
        String forged = "EV\r\nINFO forged";
        try (LogCapture log = new LogCapture(DicomServer.class);
             RawPeer peer = new RawPeer(scp.port(), "127.0.0.4")) {
            peer.send(RawPeer.request(WorklistTestBed.AE, forged, RawPeer.context(1, Dimse.VERIFICATION)));
            assertThat(peer.receive()).isEqualTo(NOT_RECOGNIZED);
            peer.awaitClose(Duration.ofSeconds(5));
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains("EV\\x0D\\x0AINFO forged"));
            assertThat(log.messages()).allSatisfy(m -> assertThat(m).doesNotContain("\r", "\n"));
        }
        assertThat(refusals("127.0.0.4")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("EV\\x0D\\x0AINFO forged").doesNotContain("\r", "\n"));
    }

    @Test
    void anyCallerIsServedOnlyWhenThePracticeSaysSo() throws Exception {
        try (WorklistTestBed open = new WorklistTestBed()) {
            WorklistScp any = open.start(WorklistTestBed.settings().withCallers(Set.of(), true));
            try (DimseClient client = DimseClient.connect("127.0.0.1", any.port(), options("N_IMPORTE_QUI"))) {
                assertThat(client.echo()).isEqualTo(Dimse.SUCCESS);
            }
        }
    }

    private static void assertRejected(String caller) {
        try (DimseClient client = client(caller)) {
            throw new AssertionError("let in: " + caller);
        } catch (AssociationRejectedException e) {
            assertThat(e.reject()).isEqualTo(NOT_RECOGNIZED);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<AuditEvent> refusals(String containing) {
        return bed.fx.audit.latest(500).stream().filter(e -> e.action().equals(WorklistScp.AUDIT_REFUSED))
                .filter(e -> e.detail().contains(containing)).toList();
    }

    static DimseClient client(String caller) throws Exception {
        return DimseClient.connect("127.0.0.1", scp.port(), options(caller));
    }

    static Requestor.Options options(String caller) {
        return new Requestor.Options(caller, WorklistTestBed.AE, DimseClient.propose(Dimse.VERIFICATION), 16384,
                Duration.ofSeconds(5));
    }
}
