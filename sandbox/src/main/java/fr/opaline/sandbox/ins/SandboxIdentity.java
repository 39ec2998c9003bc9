package fr.opaline.sandbox.ins;

import java.util.List;

/** A fictitious person known to the sandbox INSi, with the case it illustrates. */
public record SandboxIdentity(String caseDescription, String matricule, String oid, String birthName,
                              String birthFirstNames, String sex, String birthDate, String birthplace,
                              List<PreviousIns> previous, CarteVitale carteVitale) {

    public record PreviousIns(String matricule, String oid) {
    }

    /** The carte Vitale that carries this person: NIR of the ouvrant droit (13) and rank of birth. */
    public record CarteVitale(String nirOuvrantDroit, String rang) {
    }

    public SandboxIdentity {
        previous = previous == null ? List.of() : List.copyOf(previous);
    }

    public List<String> firstNameList() {
        return List.of(birthFirstNames.split(" "));
    }
}
