package fr.opaline.ins.cog;

import static fr.opaline.core.persistence.generated.Tables.COG_ACCEPTED_CODE;
import static fr.opaline.core.persistence.generated.Tables.COG_EVENT;
import static fr.opaline.core.persistence.generated.Tables.COG_PLACE;

import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.SearchKeys;
import fr.opaline.core.persistence.generated.tables.records.CogEventRecord;
import fr.opaline.core.persistence.generated.tables.records.CogPlaceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/** Storage of the COG referential (jOOQ). */
final class CogRepository {

    private static final int BATCH = 2_000;

    private final DSLContext ctx;

    CogRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    /** Replaces every place of a source by these. */
    void replaceSource(String source, List<CogPlace> places, IdGenerator ids) {
        ctx.deleteFrom(COG_PLACE).where(COG_PLACE.SOURCE.eq(source)).execute();
        insertInBatches(places, p -> {
            CogPlaceRecord r = ctx.newRecord(COG_PLACE);
            r.setId(ids.newId());
            r.setCode(p.code());
            r.setKind(p.kind().name());
            r.setName(p.name());
            r.setSearchName(SearchKeys.fold(p.name()));
            r.setValidFrom(p.validFrom());
            r.setValidTo(p.validTo());
            r.setParentCode(p.parentCode());
            r.setSource(source);
            return r;
        });
    }

    void replaceEvents(List<CogEvent> events, IdGenerator ids) {
        ctx.deleteFrom(COG_EVENT).execute();
        insertInBatches(events, e -> {
            CogEventRecord r = ctx.newRecord(COG_EVENT);
            r.setId(ids.newId());
            r.setChangeKind(e.changeKind());
            r.setEffectiveDate(e.effectiveDate());
            r.setCodeBefore(e.codeBefore());
            r.setKindBefore(e.kindBefore());
            r.setNameBefore(e.nameBefore());
            r.setCodeAfter(e.codeAfter());
            r.setKindAfter(e.kindAfter());
            r.setNameAfter(e.nameAfter());
            return r;
        });
    }

    private <T> void insertInBatches(List<T> items, Function<T, TableRecord<?>> toRecord) {
        List<TableRecord<?>> batch = new ArrayList<>(BATCH);
        for (T item : items) {
            batch.add(toRecord.apply(item));
            if (batch.size() == BATCH) {
                ctx.batchInsert(batch).execute();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            ctx.batchInsert(batch).execute();
        }
    }

    List<CogPlace> byCode(String code) {
        return ctx.selectFrom(COG_PLACE).where(COG_PLACE.CODE.eq(code)).fetch(CogRepository::toPlace);
    }

    List<CogPlace> byNamePrefix(String folded, int limit) {
        String pattern = folded.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return ctx.selectFrom(COG_PLACE).where(COG_PLACE.SEARCH_NAME.like(pattern, '!'))
                .orderBy(COG_PLACE.SEARCH_NAME, COG_PLACE.CODE).limit(limit).fetch(CogRepository::toPlace);
    }

    /** Events that moved this code to another, latest last. */
    List<CogEvent> eventsFrom(String code) {
        return ctx.selectFrom(COG_EVENT).where(COG_EVENT.CODE_BEFORE.eq(code))
                .orderBy(COG_EVENT.EFFECTIVE_DATE).fetch(CogRepository::toEvent);
    }

    Optional<CogPlace> accepted(String code) {
        return ctx.selectFrom(COG_ACCEPTED_CODE).where(COG_ACCEPTED_CODE.CODE.eq(code)).fetchOptional(r ->
                new CogPlace(r.getCode(), CogPlaceKind.CODE_ACCEPTE, r.getName() == null ? "Code accepté" : r.getName(),
                        null, null, null, "accepte"));
    }

    boolean accept(String code, String name, Instant at, String login, String reason) {
        return ctx.insertInto(COG_ACCEPTED_CODE).set(COG_ACCEPTED_CODE.CODE, code).set(COG_ACCEPTED_CODE.NAME, name)
                .set(COG_ACCEPTED_CODE.ACCEPTED_AT, at).set(COG_ACCEPTED_CODE.ACCEPTED_BY, login)
                .set(COG_ACCEPTED_CODE.REASON, reason).onConflictDoNothing().execute() == 1;
    }

    boolean known(String code) {
        return ctx.fetchExists(COG_PLACE, COG_PLACE.CODE.eq(code))
                || ctx.fetchExists(COG_ACCEPTED_CODE, COG_ACCEPTED_CODE.CODE.eq(code));
    }

    Map<String, Integer> countsBySource() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ctx.select(COG_PLACE.SOURCE, DSL.count()).from(COG_PLACE).groupBy(COG_PLACE.SOURCE).orderBy(COG_PLACE.SOURCE)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        counts.put("evenements", ctx.fetchCount(COG_EVENT));
        counts.put("codes-acceptes", ctx.fetchCount(COG_ACCEPTED_CODE));
        return counts;
    }

    static CogPlace toPlace(CogPlaceRecord r) {
        return new CogPlace(r.getCode(), CogPlaceKind.valueOf(r.getKind()), r.getName(), r.getValidFrom(), r.getValidTo(),
                r.getParentCode(), r.getSource());
    }

    static CogEvent toEvent(CogEventRecord r) {
        return new CogEvent(r.getChangeKind(), r.getEffectiveDate(), r.getCodeBefore(), r.getKindBefore(),
                r.getNameBefore(), r.getCodeAfter(), r.getKindAfter(), r.getNameAfter());
    }
}
