package fr.opaline.worklist.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.worklist.net.Pdu.Abort;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PduCodecTest {

    static Pdu.AssociateRequest request() {
        return new Pdu.AssociateRequest(1, "OPALINE", "CT_SALLE1", Pdu.APPLICATION_CONTEXT,
                List.of(new Pdu.PresentationContext(1, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2")),
                        new Pdu.PresentationContext(3, "1.2.840.10008.5.1.4.31",
                                List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2"))),
                new Pdu.UserInformation(32768, "1.2.3", "SCU_1",
                        List.of(new Pdu.SubItem(0x54, new byte[] {0, 3, 'x', 'y', 'z', 1, 0}))));
    }

    static Pdu decode(byte[] pdu) throws PduFormatException {
        return PduCodec.decode(pdu[0] & 0xFF, Arrays.copyOfRange(pdu, 6, pdu.length));
    }

    @Test
    void associateRequestRoundTripsWithItsHeaderLayout() throws Exception {
        byte[] bytes = PduCodec.encode(request());
        assertThat(bytes[0]).isEqualTo((byte) 1);
        int length = ((bytes[2] & 0xFF) << 24) | ((bytes[3] & 0xFF) << 16) | ((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF);
        assertThat(length).isEqualTo(bytes.length - 6);
        assertThat(new String(bytes, 10, 16)).isEqualTo("OPALINE         ");
        Pdu.AssociateRequest read = (Pdu.AssociateRequest) decode(bytes);
        assertThat(read.calledAeTitle()).isEqualTo("OPALINE");
        assertThat(read.callingAeTitle()).isEqualTo("CT_SALLE1");
        assertThat(read.contexts()).isEqualTo(request().contexts());
        assertThat(read.userInformation().maxPduLength()).isEqualTo(32768);
        assertThat(read.userInformation().implementationVersionName()).isEqualTo("SCU_1");
        assertThat(read.userInformation().otherSubItems()).hasSize(1);
    }

    @Test
    void otherPdusRoundTrip() throws Exception {
        List<Pdu> pdus = List.of(new Pdu.AssociateReject(2, 3, 2), new Pdu.ReleaseRequest(), new Pdu.ReleaseResponse(),
                new Abort(2, 6), new Pdu.AssociateAccept(1, "OPALINE", "CT", Pdu.APPLICATION_CONTEXT,
                        List.of(new Pdu.PresentationContextResult(1, 0, "1.2.840.10008.1.2")),
                        new Pdu.UserInformation(16384, "1.2.3", null, List.of())));
        for (Pdu pdu : pdus) {
            assertThat(decode(PduCodec.encode(pdu))).isEqualTo(pdu);
        }
        Pdu.PData data = (Pdu.PData) decode(PduCodec.encode(new Pdu.PData(List.of(
                new Pdu.Pdv(3, true, false, new byte[] {1, 2}), new Pdu.Pdv(3, false, true, new byte[] {3})))));
        assertThat(data.values()).extracting(Pdu.Pdv::command, Pdu.Pdv::last).containsExactly(
                org.assertj.core.groups.Tuple.tuple(true, false), org.assertj.core.groups.Tuple.tuple(false, true));
        assertThat(data.values().get(1).data()).containsExactly(3);
    }

    @Test
    void malformedPdusNameTheAbortReason() {
        byte[] rq = PduCodec.encode(request());
        byte[] shortened = Arrays.copyOf(rq, rq.length - 5);
        assertThatThrownBy(() -> decode(shortened)).isInstanceOf(PduFormatException.class)
                .extracting(e -> ((PduFormatException) e).abortReason()).isEqualTo(Abort.INVALID_PDU_PARAMETER_VALUE);
        byte[] evenContextId = rq.clone();
        int firstContext = indexOfItem(rq, 0x20);
        evenContextId[firstContext + 4] = 2;
        assertThatThrownBy(() -> decode(evenContextId)).hasMessageContaining("pair");
        byte[] unknownItem = rq.clone();
        unknownItem[firstContext] = 0x77;
        assertThatThrownBy(() -> decode(unknownItem)).extracting(e -> ((PduFormatException) e).abortReason())
                .isEqualTo(Abort.UNRECOGNIZED_PDU_PARAMETER);
        assertThatThrownBy(() -> PduCodec.decode(Pdu.TYPE_ABORT, new byte[6])).hasMessageContaining("Longueur");
        assertThatThrownBy(() -> PduCodec.decode(Pdu.TYPE_P_DATA_TF, new byte[] {0, 0, 0, 9, 1, 3}))
                .hasMessageContaining("PDV");
        assertThatThrownBy(() -> PduCodec.decode(0x42, new byte[0])).extracting(e -> ((PduFormatException) e).abortReason())
                .isEqualTo(Abort.UNRECOGNIZED_PDU);
    }

    private static int indexOfItem(byte[] pdu, int type) {
        int pos = 6 + 68;
        while (pos < pdu.length) {
            if ((pdu[pos] & 0xFF) == type) {
                return pos;
            }
            pos += 4 + (((pdu[pos + 2] & 0xFF) << 8) | (pdu[pos + 3] & 0xFF));
        }
        throw new AssertionError("item " + type);
    }
}
