package fr.opaline.psc.vault;

/** What the vault encrypts for a session. Never logged: {@link #toString()} hides it. */
record StoredTokens(String accessToken, String refreshToken, String idToken) {

    @Override
    public String toString() {
        return "StoredTokens[masqués]";
    }
}
