package fr.opaline.server.inbox;

import fr.opaline.api.ApiEvent;
import fr.opaline.api.InboxApi;
import fr.opaline.api.ReceivedDocument;
import fr.opaline.documents.cda.CdaReadException;
import fr.opaline.documents.xdm.XdmException;
import fr.opaline.mss.inbound.InboundDocument;
import fr.opaline.mss.inbound.InboundIntegration;
import fr.opaline.platform.http.HttpError;
import fr.opaline.server.Call;
import fr.opaline.server.EventHub;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The integration worklist through the API. Arrivals heard from the integration (BAL poll, import)
 * and every attach or reject are published as {@code inbox.changed}, so every desktop's badge and
 * worklist follow.
 */
public final class InboxEndpoint implements InboxApi {

    /** The event of the worklist's changes. */
    public static final String CHANGED = "inbox.changed";
    /** Larger archives are imported with {@code opaline mss import} (the API's bodies are bounded). */
    static final int MAX_ZIP_BYTES = 700 * 1024;

    private final InboundIntegration integration;
    private final EventHub events;
    private final Clock clock;

    public InboxEndpoint(InboundIntegration integration, EventHub events, Clock clock) {
        this.integration = integration;
        this.events = events;
        this.clock = clock;
        integration.onArrival(this::changed);
    }

    @Override
    public List<ReceivedDocument> waiting() {
        return integration.worklist(500).stream().map(InboxEndpoint::view).toList();
    }

    @Override
    public int count() {
        return integration.waitingCount();
    }

    @Override
    public ReceivedDocument attach(UUID receivedId, UUID patientId) {
        if (receivedId == null || patientId == null) {
            throw HttpError.badRequest("Document reçu ou patient non précisé.");
        }
        ReceivedDocument done = handled(() -> integration.attach(receivedId, patientId, Call.signedIn().actor()));
        changed();
        return done;
    }

    @Override
    public ReceivedDocument reject(UUID receivedId, String reason) {
        if (receivedId == null) {
            throw HttpError.badRequest("Document reçu non précisé.");
        }
        ReceivedDocument done = handled(() -> integration.reject(receivedId, reason, Call.signedIn().actor()));
        changed();
        return done;
    }

    @Override
    public List<ReceivedDocument> importXdm(String fileName, byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw HttpError.badRequest("Archive vide : choisissez un fichier IHE_XDM.zip.");
        }
        if (zip.length > MAX_ZIP_BYTES) {
            throw HttpError.badRequest("Archive de " + (zip.length / 1024) + " Ko, au-delà des " + (MAX_ZIP_BYTES / 1024)
                    + " Ko admis depuis un poste : importez-la sur le serveur avec « opaline mss import ».");
        }
        String name = fileName == null || fileName.isBlank() ? "IHE_XDM.zip" : fileName.strip();
        try {
            List<InboundDocument> received = integration.importXdm(zip, name, Call.signedIn().actor());
            return received.stream().map(InboxEndpoint::view).toList();
        } catch (XdmException | CdaReadException e) {
            throw new HttpError(422, "refused", "Archive refusée, rien n'a été importé : " + e.getMessage());
        }
    }

    private void changed() {
        events.publish(new ApiEvent(CHANGED, null, null, clock.instant()));
    }

    private static ReceivedDocument handled(java.util.function.Supplier<InboundDocument> action) {
        try {
            return view(action.get());
        } catch (IllegalStateException e) {
            throw new HttpError(409, "conflict", e.getMessage());
        } catch (CdaReadException e) {
            throw new HttpError(422, "refused", e.getMessage());
        }
    }

    static ReceivedDocument view(InboundDocument d) {
        return new ReceivedDocument(d.id(), d.source(), d.action().name(), d.title(), d.typeCode(), d.effectiveAt(),
                d.authorName(), d.insMatricule(), d.birthName(), d.birthFirstNames(), d.usedName(), d.birthDate(), d.sex(),
                d.status().name(), d.errorCode(), d.errorLabel(), d.patientId(), d.clinicalDocumentId(), d.createdAt());
    }
}
