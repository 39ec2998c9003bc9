package fr.opaline.hl7.route;

import fr.opaline.core.common.Json;
import fr.opaline.core.outbox.JobRequest;
import java.util.UUID;

/**
 * The payload of a route send: the route, the event (A28, A31, A40; NW, XO, CA; INITIAL, REPLACE,
 * DELETE) and what it is about. The message is built when it is sent, from the data as it then is.
 *
 * @param subject   the patient (ADT), the order (ORM) or the report version (PFI)
 * @param merged    for A40, the identity merged into the subject
 * @param documentUid for PFI, the CR version's document uid
 */
public record RouteJob(UUID routeId, String event, UUID subject, UUID merged, String documentUid) {

    /** The outbox job types of the three kinds of route. */
    public static final String ADT = "hl7-route-adt";
    public static final String ORM = "hl7-route-orm";
    public static final String PFI = "hl7-route-pfi";

    public String json() {
        return Json.write(this);
    }

    public static RouteJob parse(String json) {
        return Json.read(json, RouteJob.class);
    }

    /** The outbox request for this route; a PFI send of a version and action is queued once. */
    public JobRequest request(Hl7Route route, UUID patientId, String description) {
        JobRequest r = switch (route.kind()) {
            case ADT -> JobRequest.of(ADT, json());
            case ORM -> JobRequest.of(ORM, json());
            case PFI -> JobRequest.of(PFI, json());
        };
        r = r.about(patientId, description + " (" + route.peerName() + ")");
        if (route.kind() == Hl7RouteKind.PFI) {
            r = r.idempotencyKey(route.kind().jobType() + ":" + routeId + ":" + documentUid + ":" + event);
        }
        return r;
    }
}
