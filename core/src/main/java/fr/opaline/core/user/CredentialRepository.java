package fr.opaline.core.user;

import static fr.opaline.core.persistence.generated.Tables.USER_CREDENTIAL;

import fr.opaline.core.persistence.generated.tables.records.UserCredentialRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;

/** Rows of {@code user_credential}, updated with optimistic locking on {@code row_version}. */
public final class CredentialRepository {

    private final DSLContext ctx;

    public CredentialRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public Optional<Credential> find(UUID userId) {
        return ctx.selectFrom(USER_CREDENTIAL).where(USER_CREDENTIAL.USER_ID.eq(userId))
                .fetchOptional(CredentialRepository::toDomain);
    }

    /** Locks the row for the rest of the transaction (concurrent logins count every failure). */
    public Optional<Credential> findForUpdate(UUID userId) {
        return ctx.selectFrom(USER_CREDENTIAL).where(USER_CREDENTIAL.USER_ID.eq(userId)).forUpdate()
                .fetchOptional(CredentialRepository::toDomain);
    }

    public void insert(Credential c) {
        ctx.insertInto(USER_CREDENTIAL).set(USER_CREDENTIAL.USER_ID, c.userId()).set(values(c))
                .set(USER_CREDENTIAL.ROW_VERSION, 1).execute();
    }

    /** Writes every field; false when someone else changed the row since it was read. */
    public boolean update(Credential c) {
        return ctx.update(USER_CREDENTIAL).set(values(c))
                .set(USER_CREDENTIAL.ROW_VERSION, c.rowVersion() + 1)
                .where(USER_CREDENTIAL.USER_ID.eq(c.userId()))
                .and(USER_CREDENTIAL.ROW_VERSION.eq(c.rowVersion()))
                .execute() == 1;
    }

    private static Map<Field<?>, Object> values(Credential c) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(USER_CREDENTIAL.PASSWORD_HASH, c.passwordHash());
        values.put(USER_CREDENTIAL.PASSWORD_CHANGED_AT, c.passwordChangedAt());
        values.put(USER_CREDENTIAL.MUST_CHANGE_PASSWORD, c.mustChangePassword());
        values.put(USER_CREDENTIAL.FAILED_ATTEMPTS, c.failedAttempts());
        values.put(USER_CREDENTIAL.LOCKED_UNTIL, c.lockedUntil());
        values.put(USER_CREDENTIAL.TOTP_SECRET, c.totpSecret());
        values.put(USER_CREDENTIAL.TOTP_CONFIRMED, c.totpConfirmed());
        values.put(USER_CREDENTIAL.TOTP_LAST_STEP, c.totpLastStep());
        values.put(USER_CREDENTIAL.LAST_LOGIN_AT, c.lastLoginAt());
        return values;
    }

    static Credential toDomain(UserCredentialRecord r) {
        return new Credential(r.getUserId(), r.getPasswordHash(), r.getPasswordChangedAt(), r.getMustChangePassword(),
                r.getFailedAttempts(), r.getLockedUntil(), r.getTotpSecret(), r.getTotpConfirmed(), r.getTotpLastStep(),
                r.getLastLoginAt(), r.getRowVersion());
    }
}
