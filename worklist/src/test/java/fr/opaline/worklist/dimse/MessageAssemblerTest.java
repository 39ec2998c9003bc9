package fr.opaline.worklist.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.DatasetWriter;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.data.Vr;
import fr.opaline.worklist.net.Pdu;
import fr.opaline.worklist.net.Pdu.PData;
import fr.opaline.worklist.net.Pdu.Pdv;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

    static byte[] echo() {
        Attributes command = new Attributes();
        command.setString(Tags.AFFECTED_SOP_CLASS_UID, Vr.UI, Dimse.VERIFICATION);
        command.setInt(Tags.COMMAND_FIELD, Vr.US, Dimse.C_FIND_RQ);
        command.setInt(Tags.MESSAGE_ID, Vr.US, 9);
        command.setInt(Tags.COMMAND_DATA_SET_TYPE, Vr.US, 0);
        return DatasetWriter.writeCommand(command);
    }

    @Test
    void fragmentsAcrossPdusMakeOneMessage() throws Exception {
        byte[] command = echo();
        MessageAssembler assembler = new MessageAssembler(1000);
        assertThat(assembler.accept(new PData(List.of(new Pdv(1, true, false, Arrays.copyOf(command, 10)))))).isEmpty();
        assertThat(assembler.accept(new PData(List.of(new Pdv(1, true, true,
                Arrays.copyOfRange(command, 10, command.length)), new Pdv(1, false, false, new byte[] {1, 2}))))).isEmpty();
        List<DimseMessage> done = assembler.accept(new PData(List.of(new Pdv(1, false, true, new byte[] {3, 4}))));
        assertThat(done).hasSize(1);
        assertThat(done.get(0).messageId()).isEqualTo(9);
        assertThat(done.get(0).dataset()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void outOfOrderOrOversizedFragmentsAreProtocolErrors() {
        byte[] command = echo();
        MessageAssembler switching = new MessageAssembler(1000);
        assertThatThrownBy(() -> switching.accept(new PData(List.of(new Pdv(1, true, false, new byte[2]),
                new Pdv(3, true, true, new byte[2]))))).hasMessageContaining("contexte");
        MessageAssembler small = new MessageAssembler(4);
        assertThatThrownBy(() -> small.accept(new PData(List.of(new Pdv(1, true, true, command),
                new Pdv(1, false, true, new byte[5]))))).hasMessageContaining("trop long")
                .extracting(e -> ((fr.opaline.worklist.net.PduFormatException) e).abortReason())
                .isEqualTo(Pdu.Abort.INVALID_PDU_PARAMETER_VALUE);
        MessageAssembler twice = new MessageAssembler(100);
        assertThatThrownBy(() -> twice.accept(new PData(List.of(new Pdv(1, true, true, command),
                new Pdv(1, true, true, command))))).hasMessageContaining("data set était attendu");
    }
}
