package fr.opaline.ins.matricule;

import java.util.List;

/**
 * The outcome of checking a typed matricule: the normalised 15 characters (spaces removed,
 * upper case) and, when invalid, the reasons in French.
 */
public record MatriculeCheck(String input, String normalized, List<String> problems) {

    public MatriculeCheck {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
