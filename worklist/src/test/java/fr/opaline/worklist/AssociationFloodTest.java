package fr.opaline.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.DatasetWriter;
import fr.opaline.worklist.data.DicomCharset;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.data.Vr;
import fr.opaline.worklist.dimse.Dimse;
import fr.opaline.worklist.dimse.DimseClient;
import fr.opaline.worklist.net.Association;
import fr.opaline.worklist.net.PduCodec;
import fr.opaline.worklist.net.Requestor;
import fr.opaline.worklist.testing.Dcmtk;
import fr.opaline.worklist.testing.RawPeer;
import fr.opaline.worklist.testing.WorklistTestBed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 associations opened and abandoned in every way a crashed or hostile modality can —
 * connect and leave, half a request, an association dropped without release, a query dropped
 * while answered, silence — many at a time, beyond the association limit: the SCP answers
 * those it can, closes the rest, and gives back every thread and socket.
 */
class AssociationFloodTest {

    static final int ABANDONED = 1000;
    static final int CONCURRENT = 60;

    @TempDir
    Path dir;

    @Test
    void aThousandAbandonedAssociationsGiveBackEveryThreadAndSocket() throws Exception {
        try (WorklistTestBed bed = new WorklistTestBed()) {
            WorklistSettings s = WorklistTestBed.settings();
            // every connection comes from 127.0.0.1 here: the per-address bound is lifted to test the global ones
            WorklistScp scp = bed.start(new WorklistSettings(s.aeTitle(), s.bindAddress(), 0,
                    Set.of("FLOOD", WorklistTestBed.ECHOSCU), false, Duration.ofMillis(500), Duration.ofSeconds(1),
                    16384, 20, 1000, 2000, DicomCharset.ISO_IR_100, ""));
            settle(scp);
            int threadsBefore = associationThreads();
            long descriptorsBefore = openDescriptors();

            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
            AtomicInteger answered = new AtomicInteger();
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < ABANDONED; i++) {
                int way = i % 5;
                runs.add(pool.submit(() -> {
                    abandon(way, scp.port(), answered);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();

            settle(scp);
            assertThat(scp.server().activeAssociations()).isZero();
            assertThat(associationThreads()).as("association threads").isEqualTo(threadsBefore);
            assertThat(openDescriptors()).as("file descriptors").isLessThanOrEqualTo(descriptorsBefore + 5);
            assertThat(answered.get()).as("associations that got an answer").isGreaterThan(ABANDONED / 5);

            Dcmtk.Run echo = Dcmtk.run(dir, "echoscu", "-aec", WorklistTestBed.AE, "127.0.0.1", String.valueOf(scp.port()));
            assertThat(echo.exit()).as(echo.all()).isZero();
        }
    }

    /** One abandoned association; counts those where the SCP answered something. */
    private static void abandon(int way, int port, AtomicInteger answered) throws Exception {
        switch (way) {
            case 0 -> {
                // connect and leave at once
                new Socket("127.0.0.1", port).close();
            }
            case 1 -> {
                // half an association request, then gone
                try (RawPeer peer = new RawPeer(port)) {
                    byte[] rq = PduCodec.encode(RawPeer.request(WorklistTestBed.AE, "FLOOD",
                            RawPeer.context(1, Dimse.VERIFICATION)));
                    peer.send(Arrays.copyOf(rq, rq.length / 2));
                    peer.closeAbruptly();
                }
            }
            case 2 -> {
                // an association dropped without release (or rejected when the SCP is full)
                try {
                    Association association = Requestor.open("127.0.0.1", port, options());
                    answered.incrementAndGet();
                    association.closeAbruptly();
                } catch (IOException e) {
                    answered.incrementAndGet();
                }
            }
            case 3 -> {
                // a query dropped while being answered
                try (DimseClient client = DimseClient.connect("127.0.0.1", port, options())) {
                    answered.incrementAndGet();
                    var peer = client.association();
                    var context = peer.contextFor(Dimse.MODALITY_WORKLIST_FIND);
                    Attributes command = new Attributes();
                    command.setString(Tags.AFFECTED_SOP_CLASS_UID, Vr.UI, Dimse.MODALITY_WORKLIST_FIND);
                    command.setInt(Tags.COMMAND_FIELD, Vr.US, Dimse.C_FIND_RQ);
                    command.setInt(Tags.MESSAGE_ID, Vr.US, 1);
                    command.setInt(Tags.COMMAND_DATA_SET_TYPE, Vr.US, 0);
                    peer.sendMessage(context.id(), DatasetWriter.writeCommand(command),
                            DatasetWriter.write(
                                    new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, ""), context.transferSyntax()));
                    peer.closeAbruptly();
                } catch (IOException e) {
                    answered.incrementAndGet();
                }
            }
            default -> {
                // connect and say nothing: the SCP closes at ARTIM, or at once when flooded
                try (RawPeer peer = new RawPeer(port)) {
                    peer.awaitClose(Duration.ofSeconds(10));
                }
            }
        }
    }

    private static Requestor.Options options() {
        return new Requestor.Options("FLOOD", WorklistTestBed.AE,
                DimseClient.propose(Dimse.VERIFICATION, Dimse.MODALITY_WORKLIST_FIND), 16384, Duration.ofSeconds(5));
    }

    private static void settle(WorklistScp scp) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while ((scp.server().openConnections() > 0 || associationThreads() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(scp.server().openConnections()).as("open connections").isZero();
    }

    private static int associationThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("worklist-association-")).count();
    }

    private static long openDescriptors() {
        return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }
}
