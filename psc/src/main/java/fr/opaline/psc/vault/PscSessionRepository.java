package fr.opaline.psc.vault;

import static fr.opaline.core.persistence.generated.Tables.PSC_SESSION;

import fr.opaline.core.common.Json;
import fr.opaline.core.persistence.generated.tables.records.PscSessionRecord;
import fr.opaline.psc.oidc.Professional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Rows of {@code psc_session}. The encrypted blob is read and written only by {@link TokenVault}. */
final class PscSessionRepository {

    private final DSLContext ctx;

    PscSessionRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    void insert(PscSession s, String handleHash, String keyId, byte[] blob) {
        ctx.insertInto(PSC_SESSION)
                .set(PSC_SESSION.ID, s.id())
                .set(PSC_SESSION.HANDLE_HASH, handleHash)
                .set(PSC_SESSION.PROVIDER, s.provider())
                .set(PSC_SESSION.FLOW, s.flow().name())
                .set(PSC_SESSION.SUBJECT, s.professional().subject())
                .set(PSC_SESSION.NATIONAL_ID, s.professional().nationalId())
                .set(PSC_SESSION.USER_ID, s.userId())
                .set(PSC_SESSION.CLIENT_ADDRESS, s.clientAddress())
                .set(PSC_SESSION.PROFESSIONAL_JSON, Json.write(s.professional()))
                .set(PSC_SESSION.CREATED_AT, s.createdAt())
                .set(PSC_SESSION.REFRESHED_AT, s.refreshedAt())
                .set(PSC_SESSION.ACCESS_EXPIRES_AT, s.accessExpiresAt())
                .set(PSC_SESSION.REFRESH_EXPIRES_AT, s.refreshExpiresAt())
                .set(PSC_SESSION.ENDS_AT, s.endsAt())
                .set(PSC_SESSION.KEY_ID, keyId)
                .set(PSC_SESSION.TOKEN_BLOB, blob)
                .set(PSC_SESSION.ROW_VERSION, 1)
                .execute();
    }

    Optional<PscSessionRecord> byHandleHash(String handleHash) {
        return ctx.selectFrom(PSC_SESSION).where(PSC_SESSION.HANDLE_HASH.eq(handleHash)).fetchOptional();
    }

    Optional<PscSessionRecord> byId(UUID id) {
        return ctx.selectFrom(PSC_SESSION).where(PSC_SESSION.ID.eq(id)).fetchOptional();
    }

    Optional<PscSessionRecord> byIdForUpdate(UUID id) {
        return ctx.selectFrom(PSC_SESSION).where(PSC_SESSION.ID.eq(id)).forUpdate().fetchOptional();
    }

    /** Open sessions whose access token expires before {@code before}. */
    List<UUID> dueForRefresh(Instant before, Instant now) {
        return ctx.select(PSC_SESSION.ID).from(PSC_SESSION)
                .where(PSC_SESSION.ENDED_AT.isNull())
                .and(PSC_SESSION.ENDS_AT.gt(now))
                .and(PSC_SESSION.ACCESS_EXPIRES_AT.lt(before))
                .orderBy(PSC_SESSION.ACCESS_EXPIRES_AT)
                .fetch(PSC_SESSION.ID);
    }

    /** Open sessions of a local account, most recent first. */
    List<PscSessionRecord> openForUser(UUID userId, Instant now) {
        return ctx.selectFrom(PSC_SESSION)
                .where(PSC_SESSION.USER_ID.eq(userId))
                .and(PSC_SESSION.ENDED_AT.isNull())
                .and(PSC_SESSION.ENDS_AT.gt(now))
                .orderBy(PSC_SESSION.CREATED_AT.desc())
                .fetch();
    }

    /** Sessions past their end that were never closed (server stopped, no logout). */
    List<UUID> lapsed(Instant now) {
        return ctx.select(PSC_SESSION.ID).from(PSC_SESSION)
                .where(PSC_SESSION.ENDED_AT.isNull())
                .and(PSC_SESSION.ENDS_AT.le(now))
                .fetch(PSC_SESSION.ID);
    }

    void updateTokens(UUID id, String keyId, byte[] blob, Instant refreshedAt, Instant accessExpiresAt,
                      Instant refreshExpiresAt) {
        ctx.update(PSC_SESSION)
                .set(PSC_SESSION.KEY_ID, keyId)
                .set(PSC_SESSION.TOKEN_BLOB, blob)
                .set(PSC_SESSION.REFRESHED_AT, refreshedAt)
                .set(PSC_SESSION.ACCESS_EXPIRES_AT, accessExpiresAt)
                .set(PSC_SESSION.REFRESH_EXPIRES_AT, refreshExpiresAt)
                .set(PSC_SESSION.ROW_VERSION, PSC_SESSION.ROW_VERSION.plus(1))
                .where(PSC_SESSION.ID.eq(id))
                .execute();
    }

    void attachUser(UUID id, UUID userId) {
        ctx.update(PSC_SESSION).set(PSC_SESSION.USER_ID, userId)
                .set(PSC_SESSION.ROW_VERSION, PSC_SESSION.ROW_VERSION.plus(1))
                .where(PSC_SESSION.ID.eq(id)).execute();
    }

    /** Ends the session and wipes its tokens (an empty blob). */
    boolean end(UUID id, Instant at, String reason) {
        return ctx.update(PSC_SESSION)
                .set(PSC_SESSION.ENDED_AT, at)
                .set(PSC_SESSION.END_REASON, reason)
                .set(PSC_SESSION.TOKEN_BLOB, new byte[0])
                .set(PSC_SESSION.ROW_VERSION, PSC_SESSION.ROW_VERSION.plus(1))
                .where(PSC_SESSION.ID.eq(id))
                .and(PSC_SESSION.ENDED_AT.isNull())
                .execute() == 1;
    }

    static PscSession toDomain(PscSessionRecord r) {
        return new PscSession(r.getId(), r.getProvider(), PscSession.Flow.valueOf(r.getFlow()),
                Json.read(r.getProfessionalJson(), Professional.class), r.getUserId(), r.getClientAddress(),
                r.getCreatedAt(), r.getRefreshedAt(), r.getAccessExpiresAt(), r.getRefreshExpiresAt(), r.getEndsAt(),
                r.getEndedAt(), r.getEndReason());
    }
}
