package fr.opaline.dmp.dica;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The DICA checklist of a patient for a user: the icon is active ({@link #canConsult()}) when the
 * four conditions are met; otherwise the items say which are not, why, and what to do.
 */
public record DicaChecklist(UUID patientId, UUID userId, List<DicaItem> items, Instant evaluatedAt) {

    public DicaChecklist {
        items = List.copyOf(items);
    }

    public boolean canConsult() {
        return items.stream().allMatch(DicaItem::met);
    }

    public DicaItem item(DicaCondition condition) {
        return items.stream().filter(i -> i.condition() == condition).findFirst().orElseThrow();
    }

    /** The checklist as text lines, e.g. for {@code opaline dmp status}. */
    public List<String> lines() {
        return items.stream().map(i -> (i.met() ? "[x] " : i.state() == DicaState.UNKNOWN ? "[?] " : "[ ] ")
                + i.condition().label() + " : " + i.reason()
                + (i.remedy() == DicaRemedy.NONE ? "" : " => " + i.remedy().label())).toList();
    }
}
