package fr.opaline.core.user;

/** What a user may do. Privileged roles fall under the strict password policy. */
public enum Role {
    SECRETAIRE(false),
    MANIPULATEUR(false),
    RADIOLOGUE(true),
    ADMINISTRATEUR(true);

    private final boolean privileged;

    Role(boolean privileged) {
        this.privileged = privileged;
    }

    public boolean privileged() {
        return privileged;
    }
}
