package fr.opaline.ins.cog;

import java.time.LocalDate;

/**
 * An INSEE "mouvement des communes": on {@code effectiveDate}, {@code codeBefore}/{@code nameBefore}
 * became {@code codeAfter}/{@code nameAfter}. {@code changeKind} is INSEE's MOD (10 renaming,
 * 20 creation, 21 re-establishment, 30 removal, 31 simple merge, 32 commune nouvelle,
 * 33 merge-association, 34 association turned merge, 41 code change (département), 50 code
 * change (chef-lieu), 70 associée turned déléguée…).
 */
public record CogEvent(int changeKind, LocalDate effectiveDate, String codeBefore, String kindBefore, String nameBefore,
                       String codeAfter, String kindAfter, String nameAfter) {
}
