package fr.opaline.ins.insi;

import java.util.Optional;

/**
 * A compte rendu of the téléservice: CodeCR 00 (one identity, returned), 01 (none), 02
 * (several); for a vérification, 00 means the INS and traits are confirmed.
 */
public record InsiResponse(String code, String label, InsiIdentity identity) {

    public static final String FOUND = "00";
    public static final String NOT_FOUND = "01";
    public static final String SEVERAL = "02";

    public boolean found() {
        return FOUND.equals(code);
    }

    public boolean notFound() {
        return NOT_FOUND.equals(code);
    }

    public boolean several() {
        return SEVERAL.equals(code);
    }

    public Optional<InsiIdentity> identityIfAny() {
        return Optional.ofNullable(identity);
    }
}
