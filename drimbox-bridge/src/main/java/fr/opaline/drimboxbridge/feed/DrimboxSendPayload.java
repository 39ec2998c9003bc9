package fr.opaline.drimboxbridge.feed;

import fr.opaline.core.common.Json;
import fr.opaline.hl7.transmission.DocumentAction;
import java.util.UUID;

/** Payload of a {@code drimbox-send} job: which CR version, and what is asked of the DRIMbox. */
public record DrimboxSendPayload(UUID reportVersionId, String documentUid, DocumentAction action) {

    public String json() {
        return Json.write(this);
    }

    public static DrimboxSendPayload parse(String json) {
        return Json.read(json, DrimboxSendPayload.class);
    }
}
