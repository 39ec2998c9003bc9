package fr.opaline.mss.outbound;

import static fr.opaline.core.persistence.generated.Tables.ORDER_CORRESPONDENT;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.generated.tables.records.OrderCorrespondentRecord;
import fr.opaline.mss.directory.DirectoryEntry;
import fr.opaline.mss.mailbox.MssAddress;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/** The correspondents chosen on an order (besides, or for, the referring physician), audited. */
public final class OrderCorrespondents {

    public static final String AUDIT_ADDED = "MSS_CORRESPONDENT_ADDED";
    public static final String AUDIT_REMOVED = "MSS_CORRESPONDENT_REMOVED";

    private final Database database;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public OrderCorrespondents(Database database, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** Adds a correspondent picked in the directory. */
    public OrderCorrespondent add(UUID orderId, DirectoryEntry entry, boolean referring, Actor actor) {
        return add(orderId, entry.displayName(), entry.rpps(), entry.profession(), entry.mssAddress(), referring, actor);
    }

    public OrderCorrespondent add(UUID orderId, String displayName, String rpps, String profession, String address,
                                  boolean referring, Actor actor) {
        String normalised = MssAddress.normalise(address);
        if (MssAddress.isPatientAddress(normalised)) {
            throw new BusinessRuleException("L'adresse du patient est ajoutée d'office (INS) : ce n'est pas un correspondant.");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new BusinessRuleException("Indiquez le nom du correspondant.");
        }
        if (rpps != null && !rpps.isBlank() && !rpps.matches("\\d{11}")) {
            throw new BusinessRuleException("RPPS invalide : 11 chiffres attendus.");
        }
        return database.inTransaction(ctx -> {
            ImagingOrder order = new OrderRepository(ctx).findOrder(orderId)
                    .orElseThrow(() -> new NotFoundException("Demande introuvable"));
            if (ctx.fetchExists(ctx.selectFrom(ORDER_CORRESPONDENT).where(ORDER_CORRESPONDENT.ORDER_ID.eq(orderId))
                    .and(ORDER_CORRESPONDENT.MSS_ADDRESS.eq(normalised)))) {
                throw new BusinessRuleException(normalised + " est déjà destinataire de cette demande.");
            }
            if (referring) {
                ctx.update(ORDER_CORRESPONDENT).set(ORDER_CORRESPONDENT.REFERRING, false)
                        .where(ORDER_CORRESPONDENT.ORDER_ID.eq(orderId)).execute();
            }
            OrderCorrespondentRecord r = ctx.newRecord(ORDER_CORRESPONDENT);
            r.setId(ids.newId());
            r.setOrderId(orderId);
            r.setDisplayName(displayName.strip());
            r.setRpps(rpps == null || rpps.isBlank() ? null : rpps);
            r.setProfession(profession);
            r.setMssAddress(normalised);
            r.setReferring(referring);
            r.setCreatedBy(actor.login());
            r.setCreatedAt(clock.instant());
            r.store();
            audit.record(ctx, AuditEntry.of(actor, AUDIT_ADDED, order.patientId()).on("imaging_order", orderId)
                    .withDetail(displayName.strip() + " <" + normalised + ">" + (referring ? " (prescripteur)" : "")));
            return toDomain(r);
        });
    }

    public void remove(UUID correspondentId, Actor actor) {
        database.inTransactionRun(ctx -> {
            OrderCorrespondentRecord r = ctx.selectFrom(ORDER_CORRESPONDENT).where(ORDER_CORRESPONDENT.ID.eq(correspondentId))
                    .fetchOptional().orElseThrow(() -> new NotFoundException("Correspondant introuvable"));
            r.delete();
            UUID patient = new OrderRepository(ctx).findOrder(r.getOrderId()).map(ImagingOrder::patientId).orElse(null);
            audit.record(ctx, AuditEntry.of(actor, AUDIT_REMOVED, patient).on("imaging_order", r.getOrderId())
                    .withDetail(r.getDisplayName() + " <" + r.getMssAddress() + ">"));
        });
    }

    public List<OrderCorrespondent> of(UUID orderId) {
        return of(database.dsl(), orderId);
    }

    public static List<OrderCorrespondent> of(DSLContext ctx, UUID orderId) {
        return ctx.selectFrom(ORDER_CORRESPONDENT).where(ORDER_CORRESPONDENT.ORDER_ID.eq(orderId))
                .orderBy(ORDER_CORRESPONDENT.REFERRING.desc(), ORDER_CORRESPONDENT.CREATED_AT)
                .fetch(OrderCorrespondents::toDomain);
    }

    static OrderCorrespondent toDomain(OrderCorrespondentRecord r) {
        return new OrderCorrespondent(r.getId(), r.getOrderId(), r.getDisplayName(), r.getRpps(), r.getProfession(),
                r.getMssAddress(), r.getReferring(), r.getCreatedBy(), r.getCreatedAt());
    }
}
