package fr.opaline.ins;

import fr.opaline.core.common.BusinessRuleException;
import java.util.List;

/** A matricule, an OID or a trait that breaks the INS rules; the message says which and why, in French. */
public final class InsRuleException extends BusinessRuleException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InsRuleException(List<String> problems) {
        super(String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public InsRuleException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
