package fr.opaline.dmp.dica;

import java.util.Objects;

/** One line of the DICA checklist: the condition, its state, why (in French), and the remedy. */
public record DicaItem(DicaCondition condition, DicaState state, String reason, DicaRemedy remedy) {

    public DicaItem {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(remedy, "remedy");
    }

    static DicaItem met(DicaCondition condition, String reason) {
        return new DicaItem(condition, DicaState.MET, reason, DicaRemedy.NONE);
    }

    public boolean met() {
        return state == DicaState.MET;
    }
}
