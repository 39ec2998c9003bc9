package fr.opaline.mss.mailbox;

import static fr.opaline.core.persistence.generated.Tables.MSS_MAILBOX;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.generated.tables.records.MssMailboxRecord;
import fr.opaline.core.user.AccountAdministration;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The practice's MSSanté mailboxes, shared by every workstation through the database: one BAL
 * applicative and one BAL organisationnelle, and a BAL personnelle per radiologist who has one.
 * How to reach the operator (endpoints, certificates) is the practice server's configuration.
 * Changes are an administrator's or a system actor's (the configuration), audited.
 */
public final class Mailboxes {

    public static final String AUDIT_CHANGED = "MSS_MAILBOX_CHANGED";

    private final Database database;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public Mailboxes(Database database, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    public List<Mailbox> list() {
        return database.dsl().selectFrom(MSS_MAILBOX).orderBy(MSS_MAILBOX.KIND, MSS_MAILBOX.ADDRESS).fetch(Mailboxes::toDomain);
    }

    public Optional<Mailbox> applicative() {
        return active(database.dsl(), MailboxKind.APPLICATIVE);
    }

    public Optional<Mailbox> organisational() {
        return active(database.dsl(), MailboxKind.ORGANISATIONNELLE);
    }

    public Optional<Mailbox> personalOf(UUID userId) {
        return database.dsl().selectFrom(MSS_MAILBOX).where(MSS_MAILBOX.KIND.eq(MailboxKind.PERSONNELLE.name()))
                .and(MSS_MAILBOX.OWNER_USER_ID.eq(userId)).and(MSS_MAILBOX.ACTIVE.isTrue())
                .fetchOptional(Mailboxes::toDomain);
    }

    public Optional<Mailbox> byAddress(String address) {
        return database.dsl().selectFrom(MSS_MAILBOX).where(MSS_MAILBOX.ADDRESS.eq(MssAddress.normalise(address)))
                .fetchOptional(Mailboxes::toDomain);
    }

    /**
     * Sets the practice's BAL applicative or organisationnelle (the previous one is deactivated),
     * or a radiologist's BAL personnelle ({@code ownerLogin}).
     */
    public Mailbox set(MailboxKind kind, String address, String ownerLogin, String label, Actor actor) {
        String normalised = MssAddress.normalise(address);
        if (MssAddress.isPatientAddress(normalised)) {
            throw new BusinessRuleException("Une adresse patient (" + MssAddress.PATIENT_DOMAIN + ") n'est pas une BAL du cabinet.");
        }
        return database.inTransaction(ctx -> {
            AccountAdministration.requireAdministrator(ctx, actor);
            UUID owner = null;
            if (kind == MailboxKind.PERSONNELLE) {
                UserAccount user = new UserRepository(ctx).findByLogin(ownerLogin == null ? "" : ownerLogin)
                        .orElseThrow(() -> new BusinessRuleException("Une BAL personnelle appartient à un radiologue : "
                                + "compte « " + ownerLogin + " » introuvable."));
                if (user.role() != Role.RADIOLOGUE) {
                    throw new BusinessRuleException("Une BAL personnelle appartient à un radiologue (« " + ownerLogin
                            + " » est " + user.role().name().toLowerCase(java.util.Locale.ROOT) + ").");
                }
                owner = user.id();
                ctx.update(MSS_MAILBOX).set(MSS_MAILBOX.ACTIVE, false)
                        .where(MSS_MAILBOX.KIND.eq(kind.name())).and(MSS_MAILBOX.OWNER_USER_ID.eq(owner)).execute();
            } else {
                ctx.update(MSS_MAILBOX).set(MSS_MAILBOX.ACTIVE, false).where(MSS_MAILBOX.KIND.eq(kind.name())).execute();
            }
            MssMailboxRecord existing = ctx.selectFrom(MSS_MAILBOX).where(MSS_MAILBOX.ADDRESS.eq(normalised)).fetchOne();
            UUID id = existing == null ? ids.newId() : existing.getId();
            if (existing == null) {
                ctx.insertInto(MSS_MAILBOX).set(MSS_MAILBOX.ID, id).set(MSS_MAILBOX.KIND, kind.name())
                        .set(MSS_MAILBOX.ADDRESS, normalised).set(MSS_MAILBOX.OWNER_USER_ID, owner)
                        .set(MSS_MAILBOX.LABEL, label).set(MSS_MAILBOX.ACTIVE, true)
                        .set(MSS_MAILBOX.CREATED_AT, clock.instant()).execute();
            } else {
                ctx.update(MSS_MAILBOX).set(MSS_MAILBOX.KIND, kind.name()).set(MSS_MAILBOX.OWNER_USER_ID, owner)
                        .set(MSS_MAILBOX.LABEL, label).set(MSS_MAILBOX.ACTIVE, true).where(MSS_MAILBOX.ID.eq(id)).execute();
            }
            audit.record(ctx, AuditEntry.of(actor, AUDIT_CHANGED, null).on("mss_mailbox", id)
                    .withDetail(kind.label() + " : " + normalised + (ownerLogin == null ? "" : " (" + ownerLogin + ")")));
            return ctx.selectFrom(MSS_MAILBOX).where(MSS_MAILBOX.ID.eq(id)).fetchSingle(Mailboxes::toDomain);
        });
    }

    public void disable(String address, Actor actor) {
        String normalised = MssAddress.normalise(address);
        database.inTransactionRun(ctx -> {
            AccountAdministration.requireAdministrator(ctx, actor);
            int n = ctx.update(MSS_MAILBOX).set(MSS_MAILBOX.ACTIVE, false).where(MSS_MAILBOX.ADDRESS.eq(normalised)).execute();
            if (n == 0) {
                throw new BusinessRuleException("Aucune BAL « " + normalised + " » n'est configurée.");
            }
            audit.record(ctx, AuditEntry.of(actor, AUDIT_CHANGED, null).on("mss_mailbox", normalised).withDetail("désactivée"));
        });
    }

    /** The active mailbox of a kind (the practice's applicative or organisational one), in a transaction. */
    public static Optional<Mailbox> active(DSLContext ctx, MailboxKind kind) {
        return ctx.selectFrom(MSS_MAILBOX).where(MSS_MAILBOX.KIND.eq(kind.name())).and(MSS_MAILBOX.ACTIVE.isTrue())
                .orderBy(MSS_MAILBOX.CREATED_AT.desc()).limit(1).fetchOptional(Mailboxes::toDomain);
    }

    static Mailbox toDomain(MssMailboxRecord r) {
        return new Mailbox(r.getId(), MailboxKind.valueOf(r.getKind()), r.getAddress(), r.getOwnerUserId(), r.getLabel(),
                r.getActive(), r.getCreatedAt());
    }
}
