package fr.opaline.hl7.transmission;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** MSH-3 to MSH-6, MSH-11 and MSH-18 of the messages sent to one peer. */
public record MessageRouting(String sendingApplication, String sendingFacility, String receivingApplication,
                             String receivingFacility, String processingId, Charset charset) {

    public static MessageRouting of(String sendingFacility, String receivingApplication, String receivingFacility) {
        return new MessageRouting("OPALINE", sendingFacility, receivingApplication, receivingFacility, "P",
                StandardCharsets.UTF_8);
    }

    public MessageRouting withCharset(Charset c) {
        return new MessageRouting(sendingApplication, sendingFacility, receivingApplication, receivingFacility,
                processingId, c);
    }
}
