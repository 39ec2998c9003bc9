package fr.opaline.worklist.net;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.worklist.data.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sending honours the peer's maximum PDU length (PS3.8 9.3.5.1); receiving refuses larger PDUs. */
class FragmentationTest {

    @Test
    void aMessageIsCutIntoPdusNoLongerThanThePeerAccepts() throws Exception {
        byte[] dataset = new byte[10_000];
        new Random(1).nextBytes(dataset);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket sender = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket receiver = server.accept()) {
            Association association = new Association(new PduChannel(sender), "A", "B",
                    Map.of(1, new Association.AcceptedContext(1, "1.2", TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)),
                    4096, 16384, Duration.ofSeconds(5));
            association.sendMessage(1, new byte[] {1, 2, 3, 4}, dataset);

            PduChannel in = new PduChannel(receiver);
            Pdu.PData command = (Pdu.PData) in.read(Duration.ofSeconds(5), 4096);
            assertThat(command.values().get(0).command()).isTrue();
            assertThat(command.values().get(0).last()).isTrue();
            ByteArrayOutputStream reassembled = new ByteArrayOutputStream();
            int pdus = 0;
            while (true) {
                Pdu.PData data = (Pdu.PData) in.read(Duration.ofSeconds(5), 4096);
                pdus++;
                Pdu.Pdv pdv = data.values().get(0);
                assertThat(pdv.data().length + 6).isLessThanOrEqualTo(4096);
                assertThat(pdv.command()).isFalse();
                reassembled.writeBytes(pdv.data());
                if (pdv.last()) {
                    break;
                }
            }
            assertThat(pdus).isEqualTo(3);
            assertThat(reassembled.toByteArray()).isEqualTo(dataset);
        }
    }
}
