package fr.opaline.ins.trust;

import static fr.opaline.core.persistence.generated.Tables.TRUSTED_CORRESPONDENT;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.user.AccountAdministration;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.generated.tables.records.TrustedCorrespondentRecord;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressPattern;
import org.jooq.DSLContext;

/**
 * The settings table of correspondents with a trust contract (DSR 3.2.8), which is also the one
 * registry of HL7 peers (who may send what to the MLLP listener, from where); every change
 * audited, and made by an administrator or a system actor (the command line, the configuration).
 */
public final class TrustedCorrespondents {

    public static final String AUDIT_CHANGED = "TRUSTED_CORRESPONDENT_CHANGED";

    private final Database database;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public TrustedCorrespondents(Database database, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    public TrustedCorrespondent add(String name, Channel channel, String identifier, String contractRef, Actor actor) {
        if (name == null || name.isBlank() || identifier == null || identifier.isBlank() || channel == null) {
            throw new BusinessRuleException("Nom, canal et identifiant du correspondant sont obligatoires.");
        }
        String id = normalize(identifier);
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, actor);
            if (ctx.fetchExists(TRUSTED_CORRESPONDENT, TRUSTED_CORRESPONDENT.CHANNEL.eq(channel.name())
                    .and(TRUSTED_CORRESPONDENT.IDENTIFIER.eq(id)))) {
                throw new BusinessRuleException("Un correspondant " + channel.label() + " « " + id + " » existe déjà.");
            }
            TrustedCorrespondentRecord r = ctx.newRecord(TRUSTED_CORRESPONDENT);
            r.setId(ids.newId());
            r.setName(name.trim());
            r.setChannel(channel.name());
            r.setIdentifier(id);
            r.setContractRef(contractRef);
            r.setActive(true);
            r.setCreatedAt(clock.instant());
            r.setCreatedBy(actor.login());
            if (channel == Channel.HL7 || channel == Channel.TELERADIOLOGIE) {
                r.setMessageTypes(String.join(",", Hl7PeerDeclaration.defaultTypes(channel)));
            }
            r.setIdentityTrust(true);
            r.insert();
            audit.record(ctx, AuditEntry.of(actor, AUDIT_CHANGED, null).on("trusted_correspondent", r.getId())
                    .withDetail("ajout : " + name.trim() + " (" + channel + " " + id + ")"));
            return toDomain(r);
        });
    }

    public void setActive(UUID id, boolean active, Actor actor) {
        database.inTransactionRun(ctx -> {
            AccountAdministration.requireAdministrator(ctx, actor);
            int updated = ctx.update(TRUSTED_CORRESPONDENT).set(TRUSTED_CORRESPONDENT.ACTIVE, active)
                    .where(TRUSTED_CORRESPONDENT.ID.eq(id)).execute();
            if (updated == 0) {
                throw new NotFoundException("Correspondant introuvable");
            }
            audit.record(ctx, AuditEntry.of(actor, AUDIT_CHANGED, null).on("trusted_correspondent", id)
                    .withDetail(active ? "contrat de confiance réactivé" : "contrat de confiance désactivé"));
        });
    }

    public List<TrustedCorrespondent> list() {
        return database.dsl().selectFrom(TRUSTED_CORRESPONDENT)
                .orderBy(TRUSTED_CORRESPONDENT.NAME, TRUSTED_CORRESPONDENT.ID).fetch(TrustedCorrespondents::toDomain);
    }

    /** Whether flows from this sender on this channel are covered by an active trust contract. */
    public boolean isTrusted(Channel channel, String identifier) {
        if (channel == null || identifier == null || identifier.isBlank()) {
            return false;
        }
        return database.dsl().fetchExists(TRUSTED_CORRESPONDENT, TRUSTED_CORRESPONDENT.CHANNEL.eq(channel.name())
                .and(TRUSTED_CORRESPONDENT.IDENTIFIER.eq(normalize(identifier)))
                .and(TRUSTED_CORRESPONDENT.ACTIVE.isTrue()).and(TRUSTED_CORRESPONDENT.IDENTITY_TRUST.isTrue()));
    }

    // HL7 peers

    /** Declares an HL7 peer (channel HL7 or TELERADIOLOGIE); its MSH-3 must not be declared yet. */
    public TrustedCorrespondent addHl7Peer(Hl7PeerDeclaration d, Actor actor) {
        if (d.name() == null || d.name().isBlank() || d.application() == null || d.application().isBlank()) {
            throw new BusinessRuleException("Nom et application émettrice (MSH-3) du pair HL7 sont obligatoires.");
        }
        Channel channel = d.channel() == null ? Channel.HL7 : d.channel();
        requireHl7Channel(channel);
        String application = normalize(d.application());
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, actor);
            if (findPeer(ctx, application).isPresent()) {
                throw new BusinessRuleException("Un pair HL7 « " + application + " » (MSH-3) est déjà déclaré.");
            }
            TrustedCorrespondentRecord r = ctx.newRecord(TRUSTED_CORRESPONDENT);
            r.setId(ids.newId());
            r.setChannel(channel.name());
            r.setIdentifier(application);
            r.setActive(true);
            r.setCreatedAt(clock.instant());
            r.setCreatedBy(actor.login());
            r.setIdentityTrust(false);
            apply(r, d, channel);
            r.insert();
            audit.record(ctx, AuditEntry.of(actor, AUDIT_CHANGED, null).on("trusted_correspondent", r.getId())
                    .withDetail("pair HL7 ajouté : " + describe(toDomain(r))));
            return toDomain(r);
        });
    }

    /** Changes what is given (null components keep their value) of the peer with this MSH-3 or id. */
    public TrustedCorrespondent updateHl7Peer(String applicationOrId, Hl7PeerDeclaration d, Actor actor) {
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, actor);
            TrustedCorrespondentRecord r = peerRecord(ctx, applicationOrId);
            Channel channel = d.channel() == null ? Channel.valueOf(r.getChannel()) : d.channel();
            requireHl7Channel(channel);
            if (d.application() != null && !normalize(d.application()).equals(r.getIdentifier())) {
                String application = normalize(d.application());
                if (findPeer(ctx, application).isPresent()) {
                    throw new BusinessRuleException("Un pair HL7 « " + application + " » (MSH-3) est déjà déclaré.");
                }
                r.setIdentifier(application);
            }
            String before = describe(toDomain(r));
            r.setChannel(channel.name());
            apply(r, d, channel);
            r.update();
            audit.record(ctx, AuditEntry.of(actor, AUDIT_CHANGED, null).on("trusted_correspondent", r.getId())
                    .withDetail("pair HL7 modifié : " + before + " → " + describe(toDomain(r))));
            return toDomain(r);
        });
    }

    /** Removes the peer with this MSH-3 or id: nothing more from it is accepted. */
    public void removeHl7Peer(String applicationOrId, Actor actor) {
        database.inTransactionRun(ctx -> {
            AccountAdministration.requireAdministrator(ctx, actor);
            TrustedCorrespondentRecord r = peerRecord(ctx, applicationOrId);
            String what = describe(toDomain(r));
            r.delete();
            audit.record(ctx, AuditEntry.of(actor, AUDIT_CHANGED, null).on("trusted_correspondent", r.getId())
                    .withDetail("pair HL7 supprimé : " + what));
        });
    }

    /** The HL7 peers (channels HL7 and TELERADIOLOGIE), active or not. */
    public List<TrustedCorrespondent> hl7Peers() {
        return database.dsl().selectFrom(TRUSTED_CORRESPONDENT)
                .where(TRUSTED_CORRESPONDENT.CHANNEL.in(Channel.HL7.name(), Channel.TELERADIOLOGIE.name()))
                .orderBy(TRUSTED_CORRESPONDENT.NAME, TRUSTED_CORRESPONDENT.ID).fetch(TrustedCorrespondents::toDomain);
    }

    /** The declared HL7 peer whose MSH-3 this is, active or not. */
    public Optional<TrustedCorrespondent> hl7Peer(String application) {
        if (application == null || application.isBlank()) {
            return Optional.empty();
        }
        return findPeer(database.dsl(), normalize(application)).map(TrustedCorrespondents::toDomain);
    }

    /** A one-line French description of a peer, for lists and the audit trail. */
    public static String describe(TrustedCorrespondent c) {
        return c.name() + " (" + c.channel() + ", MSH-3 " + c.identifier()
                + (c.sendingFacility() == null ? "" : ", MSH-4 " + c.sendingFacility())
                + ", adresses " + (c.allowedAddresses().isEmpty() ? "aucune" : String.join(",", c.allowedAddresses()))
                + (c.certificateSha256() == null ? "" : ", certificat " + c.certificateSha256())
                + ", messages " + String.join(",", c.messageTypes())
                + (c.identityTrust() ? ", contrat de confiance" + (c.contractRef() == null ? "" : " " + c.contractRef())
                        : ", sans contrat de confiance")
                + (c.active() ? "" : ", désactivé") + ")";
    }

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:/\\-]+");
    private static final Pattern MESSAGE_TYPE = Pattern.compile("[A-Z0-9]{3}(\\^[A-Z0-9]{3})?");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private void apply(TrustedCorrespondentRecord r, Hl7PeerDeclaration d, Channel channel) {
        if (d.name() != null) {
            if (d.name().isBlank()) {
                throw new BusinessRuleException("Le nom du pair HL7 est obligatoire.");
            }
            r.setName(d.name().trim());
        }
        if (d.facility() != null) {
            r.setSendingFacility(d.facility().isBlank() ? null : d.facility().trim());
        }
        if (d.addresses() != null) {
            r.setAllowedAddresses(d.addresses().isEmpty() ? null : String.join(",", addresses(d.addresses())));
        }
        if (d.certificateSha256() != null) {
            r.setCertificateSha256(d.certificateSha256().isBlank() ? null : fingerprint(d.certificateSha256()));
        }
        if (d.messageTypes() != null) {
            r.setMessageTypes(String.join(",", messageTypes(d.messageTypes())));
        } else if (r.getMessageTypes() == null) {
            r.setMessageTypes(String.join(",", Hl7PeerDeclaration.defaultTypes(channel)));
        }
        if (d.identityTrust() != null) {
            r.setIdentityTrust(d.identityTrust());
        }
        if (d.contractRef() != null) {
            r.setContractRef(d.contractRef().isBlank() ? null : d.contractRef().trim());
        }
    }

    /** Checks and normalises source address patterns: a literal address, a range a-b, a CIDR block or *. */
    static List<String> addresses(List<String> given) {
        List<String> out = new ArrayList<>();
        for (String raw : given) {
            String a = raw == null ? "" : raw.trim();
            if (a.isEmpty()) {
                continue;
            }
            if (!a.equals(TrustedCorrespondent.ANY_ADDRESS)) {
                if (!ADDRESS.matcher(a).matches()) {
                    throw new BusinessRuleException("Adresse source invalide : « " + a
                            + " » (adresse IP, plage a-b ou bloc CIDR comme 192.168.1.0/24, ou * pour toutes).");
                }
                try {
                    InetAddressPattern.from(a).test(InetAddress.getLoopbackAddress());
                } catch (RuntimeException e) {
                    throw new BusinessRuleException("Adresse source invalide : « " + a + " ».");
                }
            }
            out.add(a);
        }
        return out;
    }

    static List<String> messageTypes(List<String> given) {
        List<String> out = new ArrayList<>();
        for (String raw : given) {
            String t = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            if (!MESSAGE_TYPE.matcher(t).matches()) {
                throw new BusinessRuleException("Type de message invalide : « " + raw
                        + " » (TYPE ou TYPE^ÉVÉNEMENT, par exemple ADT^A08 ou ORU^R01).");
            }
            out.add(t);
        }
        if (out.isEmpty()) {
            throw new BusinessRuleException("Au moins un type de message autorisé est nécessaire (par exemple ADT^A08).");
        }
        return out;
    }

    /** A SHA-256 fingerprint as 64 lower-case hex digits (colons and spaces allowed on input). */
    public static String fingerprint(String given) {
        String hex = given.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hex).matches()) {
            throw new BusinessRuleException("Empreinte de certificat invalide : SHA-256 attendue (64 chiffres hexadécimaux).");
        }
        return HexFormat.of().formatHex(HexFormat.of().parseHex(hex));
    }

    private static void requireHl7Channel(Channel channel) {
        if (channel != Channel.HL7 && channel != Channel.TELERADIOLOGIE) {
            throw new BusinessRuleException("Un pair HL7 est sur le canal HL7 ou TELERADIOLOGIE, pas " + channel + ".");
        }
    }

    private static Optional<TrustedCorrespondentRecord> findPeer(DSLContext ctx, String application) {
        return ctx.selectFrom(TRUSTED_CORRESPONDENT)
                .where(TRUSTED_CORRESPONDENT.CHANNEL.in(Channel.HL7.name(), Channel.TELERADIOLOGIE.name()))
                .and(TRUSTED_CORRESPONDENT.IDENTIFIER.eq(application)).fetchOptional();
    }

    private static TrustedCorrespondentRecord peerRecord(DSLContext ctx, String applicationOrId) {
        if (applicationOrId == null || applicationOrId.isBlank()) {
            throw new NotFoundException("Pair HL7 introuvable");
        }
        Optional<TrustedCorrespondentRecord> found = Optional.empty();
        try {
            UUID id = UUID.fromString(applicationOrId.trim());
            found = ctx.selectFrom(TRUSTED_CORRESPONDENT).where(TRUSTED_CORRESPONDENT.ID.eq(id))
                    .and(TRUSTED_CORRESPONDENT.CHANNEL.in(Channel.HL7.name(), Channel.TELERADIOLOGIE.name()))
                    .fetchOptional();
        } catch (IllegalArgumentException notAnId) {
            // an MSH-3
        }
        if (found.isEmpty()) {
            found = findPeer(ctx, normalize(applicationOrId));
        }
        return found.orElseThrow(() -> new NotFoundException("Pair HL7 introuvable : « " + applicationOrId.trim() + " »"));
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String normalize(String identifier) {
        return identifier.trim().toLowerCase(Locale.ROOT);
    }

    private static TrustedCorrespondent toDomain(TrustedCorrespondentRecord r) {
        return new TrustedCorrespondent(r.getId(), r.getName(), Channel.valueOf(r.getChannel()), r.getIdentifier(),
                r.getContractRef(), r.getActive(), r.getCreatedAt(), r.getCreatedBy(), r.getSendingFacility(),
                split(r.getAllowedAddresses()), r.getCertificateSha256(), split(r.getMessageTypes()),
                Boolean.TRUE.equals(r.getIdentityTrust()));
    }
}
