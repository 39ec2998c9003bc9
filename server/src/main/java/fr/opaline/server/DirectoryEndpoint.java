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
    private final EventHub events;
    private final Clock clock;

    /** @param directory null when no directory is configured (searches are then refused) */
    public DirectoryEndpoint(DirectoryClient directory, OrderCorrespondents correspondents, EventHub events,
                             Clock clock) {
        this.directory = directory;
        this.correspondents = correspondents;
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
        String address = MssAddress.normalise(contact.mssAddress());
        DirectoryEntry found = query(new DirectoryQuery(null, null, contact.rpps(), null, null, 50)).stream()
                .filter(e -> e.mssAddress().toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new BusinessRuleException("L'annuaire santé ne donne pas l'adresse "
                        + address + " pour le RPPS " + contact.rpps() + " : choisissez une adresse de l'annuaire."));
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
