package fr.opaline.psc.api;

import java.util.UUID;

/**
 * Link the authenticated professional to a local account: one of the offered candidates
 * ({@code accountId}), or an account proved by its login, password (and TOTP code).
 */
public record LinkRequest(UUID accountId, String login, String password, String totpCode) {

    @Override
    public String toString() {
        return "LinkRequest[" + (accountId != null ? accountId : login) + "]";
    }
}
