package fr.opaline.hl7.message;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Technical acknowledgements as the CI-SIS flows describe them: MSH taken from the message
 * acknowledged (applications and facilities swapped, same processing id, version and character
 * set, {@code ACK^<event>^ACK}, MSH-17 FRA), MSA-1/MSA-2, one ERR per error. Built from the header
 * alone, so that a message HAPI cannot parse still gets its answer.
 */
public final class Acks {

    private Acks() {
    }

    public static String build(MshHeader in, AckCode code, List<Hl7Error> errors) {
        String version = in != null && Hl7Context.SUPPORTED_VERSIONS.contains(in.version()) ? in.version() : "2.5";
        try {
            Message ack = newAck(version);
            String event = in == null ? "" : in.triggerEvent();
            String processing = in == null || in.processingId().isEmpty() ? "P" : in.processingId();
            Terser t = new Terser(ack);
            ((ca.uhn.hl7v2.model.AbstractMessage) ack).initQuickstart("ACK", event, processing);
            t.set("MSH-9-3", "ACK");
            t.set("MSH-7", java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                    .format(java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Paris"))));
            if (in != null) {
                t.set("MSH-3-1", in.receivingApplication());
                t.set("MSH-4-1", in.receivingFacility());
                t.set("MSH-5-1", in.sendingApplication());
                t.set("MSH-6-1", in.sendingFacility());
                t.set("MSH-18", in.charset());
            }
            t.set("MSH-17", "FRA");
            t.set("MSA-1", code.name());
            t.set("MSA-2", in == null ? "" : in.controlId());
            for (int i = 0; i < errors.size(); i++) {
                Hl7Error e = errors.get(i);
                String err = "ERR(" + i + ")";
                if (e.segment() != null) {
                    t.set(err + "-2-1", e.segment());
                    t.set(err + "-2-2", Integer.toString(Math.max(1, e.sequence())));
                    if (e.field() > 0) {
                        t.set(err + "-2-3", Integer.toString(e.field()));
                    }
                }
                t.set(err + "-3-1", Integer.toString(e.condition()));
                t.set(err + "-3-2", e.conditionText());
                t.set(err + "-3-3", "messageErrorCondition");
                t.set(err + "-4", e.severity());
                if (e.applicationCode() != null) {
                    t.set(err + "-5-1", e.applicationCode());
                    t.set(err + "-5-2", e.applicationText());
                    t.set(err + "-5-3", e.applicationCodeSystem());
                }
            }
            return Hl7Context.get().encode(ack);
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("Construction de l'acquittement impossible", e);
        }
    }

    public static byte[] bytes(String ack, Charset charset) {
        return ack.getBytes(charset);
    }

    private static Message newAck(String version) throws HL7Exception {
        var hapi = Hl7Context.get().hapi();
        return switch (version) {
            case "2.6" -> hapi.newMessage(ca.uhn.hl7v2.model.v26.message.ACK.class);
            case "2.5.1" -> hapi.newMessage(ca.uhn.hl7v2.model.v251.message.ACK.class);
            default -> hapi.newMessage(ca.uhn.hl7v2.model.v25.message.ACK.class);
        };
    }

    /** The MSA-1 code and the ERR descriptions of a received ACK. */
    public record Received(AckCode code, String ackedControlId, String detail) {
    }

    /** Reads an ACK returned by a peer; a non-ACK or unreadable answer is reported as AR. */
    public static Received read(String ack) {
        try {
            Message m = Hl7Context.get().parse(ack);
            Terser t = new Terser(m);
            String codeText = t.get("MSA-1");
            AckCode code;
            try {
                code = AckCode.valueOf(codeText.startsWith("C") ? "A" + codeText.substring(1) : codeText);
            } catch (IllegalArgumentException | NullPointerException e) {
                return new Received(AckCode.AR, null, "Acquittement sans code MSA-1 lisible : " + codeText);
            }
            StringBuilder detail = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                String cond = t.get("ERR(" + i + ")-3-1");
                String text = t.get("ERR(" + i + ")-3-2");
                String app = t.get("ERR(" + i + ")-5-1");
                String appText = t.get("ERR(" + i + ")-5-2");
                String legacy = t.get("ERR(" + i + ")-1-4-2");
                if (cond == null && app == null && legacy == null) {
                    break;
                }
                if (!detail.isEmpty()) {
                    detail.append(" ; ");
                }
                detail.append(cond == null ? "" : cond).append(text == null ? "" : " " + text)
                        .append(app == null ? "" : " — " + app + (appText == null ? "" : " " + appText))
                        .append(legacy == null ? "" : legacy);
            }
            String text = t.get("MSA-3");
            if (detail.isEmpty() && text != null) {
                detail.append(text);
            }
            return new Received(code, t.get("MSA-2"), detail.toString());
        } catch (HL7Exception e) {
            return new Received(AckCode.AR, null, "Acquittement illisible : " + e.getMessage());
        }
    }
}
