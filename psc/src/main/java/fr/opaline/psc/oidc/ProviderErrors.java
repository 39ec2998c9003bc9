package fr.opaline.psc.oidc;

import java.util.Map;

/**
 * French messages for every error of the CIBA specification (authentication request §13 and
 * token request §11) and of OAuth 2.0 that a provider may return, for the user to act on.
 */
public final class ProviderErrors {

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            // Token endpoint, CIBA §11
            Map.entry("authorization_pending", "En attente de votre validation sur l'application e-CPS."),
            Map.entry("slow_down", "Le service demande d'espacer les vérifications ; l'attente continue."),
            Map.entry("expired_token", "Délai dépassé : la demande n'a pas été validée à temps sur l'e-CPS. Relancez la connexion."),
            Map.entry("access_denied", "Connexion refusée sur l'application e-CPS."),
            Map.entry("transaction_failed", "La validation sur l'e-CPS a échoué. Relancez la connexion."),
            // Authentication request, CIBA §13
            Map.entry("invalid_request", "Demande de connexion refusée par le fournisseur d'identité (requête invalide)."),
            Map.entry("invalid_scope", "Le fournisseur d'identité refuse les droits demandés (scope) : vérifiez la configuration."),
            Map.entry("expired_login_hint_token", "L'indication d'identité a expiré. Relancez la connexion."),
            Map.entry("unknown_user_id", "Identifiant national inconnu de Pro Santé Connect, ou e-CPS non activée pour ce professionnel."),
            Map.entry("unauthorized_client", "Ce logiciel n'est pas autorisé à utiliser CIBA auprès du fournisseur d'identité : vérifiez son habilitation."),
            Map.entry("missing_user_code", "Le fournisseur d'identité exige un code utilisateur, que ce logiciel n'utilise pas."),
            Map.entry("invalid_user_code", "Code utilisateur refusé par le fournisseur d'identité."),
            Map.entry("invalid_binding_message", "Le code de vérification affiché a été refusé par le fournisseur d'identité."),
            Map.entry("invalid_client", "Le serveur du cabinet n'est pas reconnu par le fournisseur d'identité (identifiant ou secret client) : contactez l'administrateur."),
            // OAuth 2.0 token endpoint, RFC 6749 §5.2
            Map.entry("invalid_grant", "La demande de connexion n'est plus valable (déjà utilisée, expirée ou annulée). Relancez la connexion."),
            Map.entry("unsupported_grant_type", "Le fournisseur d'identité n'accepte pas ce mode de connexion."),
            Map.entry("server_error", "Le fournisseur d'identité a rencontré une erreur. Réessayez dans un instant."),
            Map.entry("temporarily_unavailable", "Le fournisseur d'identité est momentanément indisponible. Réessayez dans un instant."));

    private ProviderErrors() {
    }

    /** The French message for an error code; the provider's description is appended when unknown. */
    public static String message(String code, String description) {
        String known = code == null ? null : MESSAGES.get(code);
        if (known != null) {
            return known;
        }
        return "Erreur du fournisseur d'identité" + (code == null ? "" : " (" + code + ")")
                + (description == null || description.isBlank() ? "." : " : " + description + ".");
    }

    public static boolean known(String code) {
        return MESSAGES.containsKey(code);
    }
}
