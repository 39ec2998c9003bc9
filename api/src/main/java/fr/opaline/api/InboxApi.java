package fr.opaline.api;

import fr.opaline.core.user.Role;
import java.util.List;
import java.util.UUID;

/**
 * The documents received by MSSanté (BAL applicative) or imported from an IHE_XDM.zip that match
 * no patient at once: the integration worklist, where a user attaches each to its patient or
 * rejects it (the sender gets a negative MDN). Front desk, radiologists and administrators.
 * The server publishes {@code inbox.changed} when documents arrive or leave the worklist.
 */
@Area("inbox")
public interface InboxApi {

    /** The documents waiting for a user, oldest first (at most 500). */
    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.ADMINISTRATEUR},
            purpose = "consulter les documents reçus à rapprocher d'un patient")
    List<ReceivedDocument> waiting();

    /** How many documents wait (the sidebar's badge). */
    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.ADMINISTRATEUR},
            purpose = "compter les documents reçus à rapprocher")
    int count();

    /** Integrates a waiting document in this patient's record. */
    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.ADMINISTRATEUR},
            purpose = "rattacher un document reçu au dossier d'un patient")
    ReceivedDocument attach(UUID receivedId, UUID patientId);

    /** Rejects a waiting document; when it came by MSSanté, its sender gets a negative MDN. */
    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.ADMINISTRATEUR},
            purpose = "rejeter un document reçu (accusé d'échec à l'expéditeur)")
    ReceivedDocument reject(UUID receivedId, String reason);

    /**
     * Imports an IHE_XDM.zip received by another way: the archive is read with the same checks as a
     * received one and refused whole when hostile or unreadable (nothing kept); each CDA is then
     * integrated at once or put in the worklist.
     */
    @Access(roles = {Role.SECRETAIRE, Role.RADIOLOGUE, Role.ADMINISTRATEUR},
            purpose = "importer une archive IHE_XDM.zip")
    List<ReceivedDocument> importXdm(String fileName, byte[] zip);
}
