package fr.opaline.psc.oidc;

/** What a token endpoint answered: tokens, or an OAuth error code with its French message. */
public sealed interface TokenOutcome {

    record Issued(IssuedTokens tokens) implements TokenOutcome {
    }

    record Refused(String error, String description) implements TokenOutcome {
    }
}
