package fr.opaline.core.uid;

import static fr.opaline.core.persistence.generated.Tables.SEQUENCE_COUNTER;

import org.jooq.DSLContext;

/**
 * Named counters shared by every process on the database. A value is taken under a row lock
 * inside the caller's transaction, so two workstations never get the same number.
 */
public final class SequenceCounters {

    private SequenceCounters() {
    }

    /** The next value of the counter (first value 1). */
    public static long next(DSLContext ctx, String name) {
        return nextBlock(ctx, name, 1);
    }

    /** Reserves {@code size} consecutive values and returns the first. */
    public static long nextBlock(DSLContext ctx, String name, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
        Long current = ctx.select(SEQUENCE_COUNTER.NEXT_VALUE).from(SEQUENCE_COUNTER)
                .where(SEQUENCE_COUNTER.COUNTER_NAME.eq(name)).forUpdate().fetchOne(SEQUENCE_COUNTER.NEXT_VALUE);
        if (current == null) {
            ctx.insertInto(SEQUENCE_COUNTER)
                    .set(SEQUENCE_COUNTER.COUNTER_NAME, name)
                    .set(SEQUENCE_COUNTER.NEXT_VALUE, 1L)
                    .onConflictDoNothing()
                    .execute();
            current = ctx.select(SEQUENCE_COUNTER.NEXT_VALUE).from(SEQUENCE_COUNTER)
                    .where(SEQUENCE_COUNTER.COUNTER_NAME.eq(name)).forUpdate().fetchSingle(SEQUENCE_COUNTER.NEXT_VALUE);
        }
        ctx.update(SEQUENCE_COUNTER)
                .set(SEQUENCE_COUNTER.NEXT_VALUE, current + size)
                .where(SEQUENCE_COUNTER.COUNTER_NAME.eq(name))
                .execute();
        return current;
    }
}
