package fr.opaline.hl7.inbound;

import fr.opaline.hl7.message.AckCode;
import fr.opaline.hl7.message.Hl7Error;
import java.util.List;
import java.util.UUID;

/**
 * What a handler made of a message: the ACK code and its errors, the patient concerned (for the
 * trace) and a note for the message log.
 */
public record InboundOutcome(AckCode code, List<Hl7Error> errors, UUID patientId, String note) {

    public static InboundOutcome accepted(UUID patientId, String note) {
        return new InboundOutcome(AckCode.AA, List.of(), patientId, note);
    }

    /** The message is refused as it is (syntax, business rule): AE with its ERR segments. */
    public static InboundOutcome error(UUID patientId, Hl7Error... errors) {
        return new InboundOutcome(AckCode.AE, List.of(errors), patientId, null);
    }

    /** Opaline could not take it now (circumstantial): AR, the sender keeps it and may resend. */
    public static InboundOutcome rejected(Hl7Error... errors) {
        return new InboundOutcome(AckCode.AR, List.of(errors), null, null);
    }
}
