package fr.opaline.core.user;

import static fr.opaline.core.persistence.generated.Tables.USER_ACCOUNT;

import fr.opaline.core.persistence.generated.tables.records.UserAccountRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

public final class UserRepository {

    private final DSLContext ctx;

    public UserRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public void insert(UserAccount user) {
        ctx.insertInto(USER_ACCOUNT)
                .set(USER_ACCOUNT.ID, user.id())
                .set(USER_ACCOUNT.LOGIN, user.login())
                .set(USER_ACCOUNT.DISPLAY_NAME, user.displayName())
                .set(USER_ACCOUNT.ROLE, user.role().name())
                .set(USER_ACCOUNT.RPPS, user.rpps())
                .set(USER_ACCOUNT.PROFESSION_CODE, user.professionCode())
                .set(USER_ACCOUNT.SPECIALTY_CODE, user.specialtyCode())
                .set(USER_ACCOUNT.ACTIVE, user.active())
                .set(USER_ACCOUNT.CREATED_AT, user.createdAt())
                .execute();
    }

    public Optional<UserAccount> findById(UUID id) {
        return ctx.selectFrom(USER_ACCOUNT).where(USER_ACCOUNT.ID.eq(id)).fetchOptional(UserRepository::toDomain);
    }

    public Optional<UserAccount> findByLogin(String login) {
        return ctx.selectFrom(USER_ACCOUNT).where(USER_ACCOUNT.LOGIN.eq(login)).fetchOptional(UserRepository::toDomain);
    }

    public List<UserAccount> findByRpps(String rpps) {
        return ctx.selectFrom(USER_ACCOUNT).where(USER_ACCOUNT.RPPS.eq(rpps)).fetch(UserRepository::toDomain);
    }

    public List<UserAccount> findAll() {
        return ctx.selectFrom(USER_ACCOUNT).orderBy(USER_ACCOUNT.LOGIN).fetch(UserRepository::toDomain);
    }

    public List<UserAccount> findByRole(Role role) {
        return ctx.selectFrom(USER_ACCOUNT).where(USER_ACCOUNT.ROLE.eq(role.name()))
                .orderBy(USER_ACCOUNT.LOGIN).fetch(UserRepository::toDomain);
    }

    public void updateRole(UUID id, Role role) {
        ctx.update(USER_ACCOUNT).set(USER_ACCOUNT.ROLE, role.name()).where(USER_ACCOUNT.ID.eq(id)).execute();
    }

    public void setActive(UUID id, boolean active) {
        ctx.update(USER_ACCOUNT).set(USER_ACCOUNT.ACTIVE, active).where(USER_ACCOUNT.ID.eq(id)).execute();
    }

    /** Name and professional identifiers (RPPS, profession, specialty). */
    public void updateIdentity(UserAccount user) {
        ctx.update(USER_ACCOUNT)
                .set(USER_ACCOUNT.DISPLAY_NAME, user.displayName())
                .set(USER_ACCOUNT.RPPS, user.rpps())
                .set(USER_ACCOUNT.PROFESSION_CODE, user.professionCode())
                .set(USER_ACCOUNT.SPECIALTY_CODE, user.specialtyCode())
                .where(USER_ACCOUNT.ID.eq(user.id()))
                .execute();
    }

    static UserAccount toDomain(UserAccountRecord r) {
        return new UserAccount(r.getId(), r.getLogin(), r.getDisplayName(), Role.valueOf(r.getRole()), r.getRpps(),
                r.getProfessionCode(), r.getSpecialtyCode(), r.getActive(), r.getCreatedAt());
    }
}
