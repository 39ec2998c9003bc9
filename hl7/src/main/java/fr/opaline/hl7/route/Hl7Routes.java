package fr.opaline.hl7.route;

import static fr.opaline.core.persistence.generated.Tables.HL7_ROUTE;
import static fr.opaline.core.persistence.generated.Tables.TRUSTED_CORRESPONDENT;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.user.AccountAdministration;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.TrustedCorrespondent;
import fr.opaline.ins.trust.TrustedCorrespondents;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The outbound routes of the HL7 peer registry: an administrator gives a declared peer (by MSH-3
 * or id) at most one route per kind, to host:port, TLS optional; each change is audited. Sends go
 * only to the routes of active peers.
 */
public final class Hl7Routes {

    public static final String AUDIT_CHANGED = "HL7_ROUTE_CHANGED";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.\\-]{0,253})|\\[?[0-9A-Fa-f:.]+]?");

    private final Database database;
    private final TrustedCorrespondents peers;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public Hl7Routes(Database database, TrustedCorrespondents peers, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.database = database;
        this.peers = peers;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** Every route, of active peers or not. */
    public List<Hl7Route> list() {
        return select(database.dsl()).orderBy(TRUSTED_CORRESPONDENT.NAME, HL7_ROUTE.KIND).fetch(Hl7Routes::toRoute);
    }

    /** The routes of this kind of the active peers: where a change is to be sent. */
    public static List<Hl7Route> active(DSLContext ctx, Hl7RouteKind kind) {
        return select(ctx).where(HL7_ROUTE.KIND.eq(kind.name())).and(TRUSTED_CORRESPONDENT.ACTIVE.isTrue())
                .orderBy(HL7_ROUTE.ID).fetch(Hl7Routes::toRoute);
    }

    public static Optional<Hl7Route> find(DSLContext ctx, UUID routeId) {
        return select(ctx).where(HL7_ROUTE.ID.eq(routeId)).fetchOptional(Hl7Routes::toRoute);
    }

    /**
     * Gives the peer a route of this kind (replacing its previous one of that kind).
     *
     * @param peer  the peer's MSH-3 or id
     * @param kind  adt, orm or pfi
     */
    public Hl7Route declare(String peer, String kind, String host, Integer port, boolean tls, Actor actor) {
        Hl7RouteKind k = Hl7RouteKind.parse(kind);
        String h = host == null ? "" : host.trim();
        if (h.isEmpty()) {
            throw new BusinessRuleException("L'hôte de la route HL7 est obligatoire (nom ou adresse IP du destinataire).");
        }
        if (!HOST.matcher(h).matches()) {
            throw new BusinessRuleException("Hôte invalide : « " + h + " » (nom d'hôte ou adresse IP, sans espace ni port).");
        }
        if (port == null || port < 1 || port > 65535) {
            throw new BusinessRuleException("Port invalide" + (port == null ? "" : " : " + port)
                    + " (entre 1 et 65535 ; le port MLLP du destinataire, souvent 2575).");
        }
        TrustedCorrespondent p = peer(peer);
        if (k == Hl7RouteKind.ADT && p.channel() == Channel.TELERADIOLOGIE) {
            throw new BusinessRuleException("Une plateforme de téléradiologie ne reçoit pas de flux d'identités (ADT).");
        }
        UUID id = database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, actor);
            ctx.deleteFrom(HL7_ROUTE).where(HL7_ROUTE.PEER_ID.eq(p.id())).and(HL7_ROUTE.KIND.eq(k.name())).execute();
            UUID routeId = ids.newId();
            ctx.insertInto(HL7_ROUTE).set(HL7_ROUTE.ID, routeId).set(HL7_ROUTE.PEER_ID, p.id())
                    .set(HL7_ROUTE.KIND, k.name()).set(HL7_ROUTE.HOST, h).set(HL7_ROUTE.PORT, port)
                    .set(HL7_ROUTE.TLS, tls).set(HL7_ROUTE.CREATED_AT, clock.instant())
                    .set(HL7_ROUTE.CREATED_BY, actor.login()).execute();
            Hl7Route r = find(ctx, routeId).orElseThrow();
            audit.record(ctx, AuditEntry.of(actor, AUDIT_CHANGED, null).on("hl7_route", routeId)
                    .withDetail("route HL7 déclarée : " + r.describe()));
            return routeId;
        });
        return find(database.dsl(), id).orElseThrow();
    }

    /** The same with the destination as {@code host:port} (a bracketed IPv6 address: {@code [::1]:2575}). */
    public Hl7Route declare(String peer, String kind, String hostPort, boolean tls, Actor actor) {
        String a = hostPort == null ? "" : hostPort.trim();
        int colon = a.lastIndexOf(':');
        if (colon <= 0 || colon == a.length() - 1) {
            throw new BusinessRuleException("Destination invalide : « " + a + " » (hôte:port attendu, par exemple "
                    + "pacs.cabinet.local:2575).");
        }
        Integer port;
        try {
            port = Integer.valueOf(a.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new BusinessRuleException("Port invalide : « " + a.substring(colon + 1) + " » (un nombre entre 1 et 65535).");
        }
        String host = a.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return declare(peer, kind, host, port, tls, actor);
    }

    /** Removes a route by id, or the route of this kind of a peer (MSH-3 or id). */
    public void remove(String peer, String kind, Actor actor) {
        Hl7RouteKind k = Hl7RouteKind.parse(kind);
        TrustedCorrespondent p = peer(peer);
        database.inTransactionRun(ctx -> {
            AccountAdministration.requireAdministrator(ctx, actor);
            Hl7Route r = select(ctx).where(HL7_ROUTE.PEER_ID.eq(p.id())).and(HL7_ROUTE.KIND.eq(k.name()))
                    .fetchOptional(Hl7Routes::toRoute).orElseThrow(() -> new NotFoundException(
                            "Le pair « " + p.name() + " » n'a pas de route " + k.name().toLowerCase(Locale.ROOT) + "."));
            delete(ctx, r, actor);
        });
    }

    public void remove(UUID routeId, Actor actor) {
        database.inTransactionRun(ctx -> {
            AccountAdministration.requireAdministrator(ctx, actor);
            delete(ctx, find(ctx, routeId).orElseThrow(() -> new NotFoundException("Route HL7 introuvable")), actor);
        });
    }

    private void delete(DSLContext ctx, Hl7Route r, Actor actor) {
        ctx.deleteFrom(HL7_ROUTE).where(HL7_ROUTE.ID.eq(r.id())).execute();
        audit.record(ctx, AuditEntry.of(actor, AUDIT_CHANGED, null).on("hl7_route", r.id())
                .withDetail("route HL7 supprimée : " + r.describe()));
    }

    private TrustedCorrespondent peer(String peer) {
        if (peer == null || peer.isBlank()) {
            throw new BusinessRuleException("Le pair HL7 de la route est obligatoire (son MSH-3 ou son identifiant).");
        }
        String given = peer.trim();
        return peers.hl7Peers().stream()
                .filter(p -> p.id().toString().equalsIgnoreCase(given) || p.identifier().equalsIgnoreCase(given))
                .findFirst().orElseThrow(() -> new NotFoundException("Pair HL7 introuvable : « " + given
                        + " ». Déclarez-le d'abord (opaline hl7 peers add " + given + " …)."));
    }

    private static org.jooq.SelectOnConditionStep<Record> select(DSLContext ctx) {
        return ctx.select().from(HL7_ROUTE).join(TRUSTED_CORRESPONDENT).on(TRUSTED_CORRESPONDENT.ID.eq(HL7_ROUTE.PEER_ID));
    }

    private static Hl7Route toRoute(Record r) {
        return new Hl7Route(r.get(HL7_ROUTE.ID), r.get(HL7_ROUTE.PEER_ID), r.get(TRUSTED_CORRESPONDENT.NAME),
                r.get(TRUSTED_CORRESPONDENT.IDENTIFIER).toUpperCase(Locale.ROOT),
                r.get(TRUSTED_CORRESPONDENT.SENDING_FACILITY), r.get(TRUSTED_CORRESPONDENT.ACTIVE),
                Hl7RouteKind.valueOf(r.get(HL7_ROUTE.KIND)), r.get(HL7_ROUTE.HOST), r.get(HL7_ROUTE.PORT),
                r.get(HL7_ROUTE.TLS));
    }
}
