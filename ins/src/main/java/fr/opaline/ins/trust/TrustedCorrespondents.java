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
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The settings table of correspondents with a trust contract (DSR 3.2.8); every change audited,
 * and made by an administrator or a system actor (the command line, the configuration).
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
                .and(TRUSTED_CORRESPONDENT.ACTIVE.isTrue()));
    }

    private static String normalize(String identifier) {
        return identifier.trim().toLowerCase(Locale.ROOT);
    }

    private static TrustedCorrespondent toDomain(TrustedCorrespondentRecord r) {
        return new TrustedCorrespondent(r.getId(), r.getName(), Channel.valueOf(r.getChannel()), r.getIdentifier(),
                r.getContractRef(), r.getActive(), r.getCreatedAt(), r.getCreatedBy());
    }
}
