package fr.opaline.core.user;

import static fr.opaline.core.persistence.generated.Tables.USER_EXTERNAL_IDENTITY;

import fr.opaline.core.persistence.generated.tables.records.UserExternalIdentityRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

public final class ExternalIdentityRepository {

    private final DSLContext ctx;

    public ExternalIdentityRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public Optional<ExternalIdentity> find(String provider, String subject) {
        return ctx.selectFrom(USER_EXTERNAL_IDENTITY)
                .where(USER_EXTERNAL_IDENTITY.PROVIDER.eq(provider))
                .and(USER_EXTERNAL_IDENTITY.SUBJECT.eq(subject))
                .fetchOptional(ExternalIdentityRepository::toDomain);
    }

    public List<ExternalIdentity> forUser(UUID userId) {
        return ctx.selectFrom(USER_EXTERNAL_IDENTITY).where(USER_EXTERNAL_IDENTITY.USER_ID.eq(userId))
                .orderBy(USER_EXTERNAL_IDENTITY.PROVIDER).fetch(ExternalIdentityRepository::toDomain);
    }

    public List<ExternalIdentity> findAll() {
        return ctx.selectFrom(USER_EXTERNAL_IDENTITY)
                .orderBy(USER_EXTERNAL_IDENTITY.USER_ID, USER_EXTERNAL_IDENTITY.PROVIDER)
                .fetch(ExternalIdentityRepository::toDomain);
    }

    public void insert(ExternalIdentity link) {
        ctx.insertInto(USER_EXTERNAL_IDENTITY)
                .set(USER_EXTERNAL_IDENTITY.PROVIDER, link.provider())
                .set(USER_EXTERNAL_IDENTITY.SUBJECT, link.subject())
                .set(USER_EXTERNAL_IDENTITY.USER_ID, link.userId())
                .set(USER_EXTERNAL_IDENTITY.NATIONAL_ID, link.nationalId())
                .set(USER_EXTERNAL_IDENTITY.LINKED_AT, link.linkedAt())
                .set(USER_EXTERNAL_IDENTITY.LINKED_BY, link.linkedBy())
                .execute();
    }

    public boolean delete(String provider, String subject) {
        return ctx.deleteFrom(USER_EXTERNAL_IDENTITY)
                .where(USER_EXTERNAL_IDENTITY.PROVIDER.eq(provider))
                .and(USER_EXTERNAL_IDENTITY.SUBJECT.eq(subject))
                .execute() == 1;
    }

    static ExternalIdentity toDomain(UserExternalIdentityRecord r) {
        return new ExternalIdentity(r.getProvider(), r.getSubject(), r.getUserId(), r.getNationalId(), r.getLinkedAt(),
                r.getLinkedBy());
    }
}
