package fr.opaline.server;

import fr.opaline.api.ApiEvent;
import fr.opaline.api.DirectoryApi;
import fr.opaline.api.DirectoryContact;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.mss.directory.DirectoryClient;
import fr.opaline.mss.directory.DirectoryEntry;
import fr.opaline.mss.directory.DirectoryException;
import fr.opaline.mss.directory.DirectoryQuery;
import fr.opaline.mss.mailbox.MssAddress;
import fr.opaline.api.SendChannel;
import fr.opaline.api.SendStatus;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.mss.outbound.ManualSends;
import fr.opaline.mss.outbound.OrderCorrespondent;
import fr.opaline.mss.outbound.OrderCorrespondents;
import fr.opaline.platform.http.HttpError;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The annuaire santé through mss's {@link DirectoryClient}, and the order's prescriber through
 * mss's {@link OrderCorrespondents} (its rules, its audit). A prescriber's address is accepted
 * only when the directory gives it for that RPPS: the desktop cannot name an arbitrary address.
 */
public final class DirectoryEndpoint implements DirectoryApi {

    private final DirectoryClient directory;
    private final OrderCorrespondents correspondents;
    private final ManualSends sends;
    private final Outbox outbox;
    private final EventHub events;
    private final Clock clock;

    /** Without the manual send ({@link #sendReport} answers 503). */
    public DirectoryEndpoint(DirectoryClient directory, OrderCorrespondents correspondents, EventHub events,
                             Clock clock) {
        this(directory, correspondents, null, null, events, clock);
    }

    /**
     * @param directory null when no directory is configured (searches are then refused)
     * @param sends     the manual MSSanté send (mss's rules and audit), over {@code outbox}
     */
    public DirectoryEndpoint(DirectoryClient directory, OrderCorrespondents correspondents, ManualSends sends,
                             Outbox outbox, EventHub events, Clock clock) {
        this.directory = directory;
        this.correspondents = correspondents;
        this.sends = sends;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<DirectoryContact> search(String name, String rpps) {
        String n = name == null ? "" : name.strip();
        String r = rpps == null ? "" : rpps.strip();
        if (!r.isEmpty() && !r.matches("\\d{11}")) {
            throw HttpError.badRequest("RPPS invalide : 11 chiffres attendus.");
        }
        if (r.isEmpty() && n.length() < 2) {
            throw HttpError.badRequest("Indiquez au moins deux lettres du nom, ou le RPPS (11 chiffres).");
        }
        return query(new DirectoryQuery(n.isEmpty() ? null : n, null, r.isEmpty() ? null : r, null, null, 50)).stream()
                .map(DirectoryEndpoint::contact).toList();
    }

    @Override
    public DirectoryContact choosePrescriber(UUID orderId, DirectoryContact contact) {
        if (orderId == null || contact == null || contact.rpps() == null || contact.mssAddress() == null) {
            throw HttpError.badRequest("Prescripteur : demande, RPPS et adresse MSSanté attendus.");
        }
        DirectoryEntry found = listed(contact);
        OrderCorrespondent added = correspondents.add(orderId, found, true, Call.signedIn().actor());
        events.publish(new ApiEvent("order.correspondents", orderId, null, clock.instant()));
        return new DirectoryContact(added.rpps(), added.displayName(), added.profession(), found.organisation(),
                found.town(), added.mssAddress(), found.mailboxType());
    }

    @Override
    public List<DirectoryContact> correspondents(UUID orderId) {
        if (orderId == null) {
            throw HttpError.badRequest("Demande non précisée.");
        }
        return correspondents.of(orderId).stream().map(c -> new DirectoryContact(c.rpps(), c.displayName(),
                c.profession(), null, null, c.mssAddress(), null)).toList();
    }

    @Override
    public SendStatus sendReport(UUID stepId, DirectoryContact recipient) {
        if (sends == null) {
            throw new HttpError(503, "unavailable", "L'envoi MSSanté n'est pas configuré sur le serveur du cabinet.");
        }
        if (stepId == null || recipient == null || recipient.rpps() == null || recipient.mssAddress() == null) {
            throw HttpError.badRequest("Envoi MSSanté : examen, RPPS et adresse MSSanté du destinataire attendus.");
        }
        DirectoryEntry found = listed(recipient);
        UUID job = sends.send(stepId, found, Call.signedIn().actor());
        events.publish(new ApiEvent("report.sent", stepId, null, clock.instant()));
        return outbox.find(job).map(j -> SendStatus.of(SendChannel.MSSANTE, j))
                .orElseGet(() -> SendStatus.none(SendChannel.MSSANTE));
    }

    /** The directory's entry for this RPPS and address: the desktop cannot name an arbitrary address. */
    private DirectoryEntry listed(DirectoryContact contact) {
        String address = MssAddress.normalise(contact.mssAddress());
        return query(new DirectoryQuery(null, null, contact.rpps(), null, null, 50)).stream()
                .filter(e -> e.mssAddress().toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new BusinessRuleException("L'annuaire santé ne donne pas l'adresse "
                        + address + " pour le RPPS " + contact.rpps() + " : choisissez une adresse de l'annuaire."));
    }

    private List<DirectoryEntry> query(DirectoryQuery query) {
        if (directory == null) {
            throw new BusinessRuleException("Aucun annuaire santé n'est configuré sur le serveur du cabinet "
                    + "(mss.directory.url).");
        }
        try {
            return directory.search(query);
        } catch (DirectoryException e) {
            throw new HttpError(502, "directory", e.getMessage());
        }
    }

    private static DirectoryContact contact(DirectoryEntry e) {
        return new DirectoryContact(e.rpps(), e.displayName(), e.profession(), e.organisation(), e.town(),
                e.mssAddress(), e.mailboxType());
    }
}
