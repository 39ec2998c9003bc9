package fr.opaline.ui.session;

/** The port when nothing is wired: offers no method and refuses every call. */
enum NoAuthentication implements AuthenticationPort {
    INSTANCE;

    private static final String REFUSED = "Aucun moyen de connexion n’est configuré sur ce poste.";

    @Override
    public boolean offersPassword() {
        return false;
    }

    @Override
    public AuthenticatedUser signInWithPassword(String login, char[] password) throws AuthenticationException {
        throw new AuthenticationException(REFUSED);
    }
}
