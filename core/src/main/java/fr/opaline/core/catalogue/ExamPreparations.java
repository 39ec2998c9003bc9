package fr.opaline.core.catalogue;

import static fr.opaline.core.persistence.generated.Tables.EXAM_PREPARATION;

import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The preparation instructions of each exam type, printed on the convocation letter: the
 * practice's own text, empty when it wrote none (nothing is invented).
 */
public final class ExamPreparations {

    public static final int MAX_LENGTH = 4000;

    private final DSLContext ctx;

    public ExamPreparations(DSLContext ctx) {
        this.ctx = ctx;
    }

    /** The text, or "" when the practice wrote none. */
    public String of(UUID examTypeId) {
        return ctx.select(EXAM_PREPARATION.INSTRUCTIONS).from(EXAM_PREPARATION)
                .where(EXAM_PREPARATION.EXAM_TYPE_ID.eq(examTypeId)).fetchOptional(EXAM_PREPARATION.INSTRUCTIONS)
                .orElse("");
    }

    /** Replaces the text; blank removes it. */
    public void set(UUID examTypeId, String text, Instant now, String login) {
        String value = text == null ? "" : text.strip();
        ctx.deleteFrom(EXAM_PREPARATION).where(EXAM_PREPARATION.EXAM_TYPE_ID.eq(examTypeId)).execute();
        if (!value.isEmpty()) {
            ctx.insertInto(EXAM_PREPARATION).set(EXAM_PREPARATION.EXAM_TYPE_ID, examTypeId)
                    .set(EXAM_PREPARATION.INSTRUCTIONS, value).set(EXAM_PREPARATION.UPDATED_AT, now)
                    .set(EXAM_PREPARATION.UPDATED_BY, login).execute();
        }
    }
}
