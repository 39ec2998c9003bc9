package fr.opaline.dmp.feeding;

import fr.opaline.core.common.Json;
import java.util.UUID;

/** Payload of a {@link DmpJobTypes#VISIBILITY} job: the document whose visibility changed. */
public record VisibilityPayload(UUID documentId, UUID patientId, String documentUid) {

    public String toJson() {
        return Json.write(this);
    }

    public static VisibilityPayload fromJson(String json) {
        return Json.read(json, VisibilityPayload.class);
    }
}
