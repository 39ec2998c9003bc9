package fr.opaline.psc.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity providers the practice can log in with (SC.SSI/IAM.80): Pro Santé Connect by
 * default, and any other OpenID Connect provider configured beside it.
 */
public final class OidcProviders {

    private final Map<String, OidcProvider> byId = new LinkedHashMap<>();
    private final String defaultId;

    public OidcProviders(List<OidcProvider> providers, String defaultId) {
        providers.forEach(p -> byId.put(p.id(), p));
        if (!providers.isEmpty() && !byId.containsKey(defaultId)) {
            throw new IllegalArgumentException("fournisseur par défaut inconnu : " + defaultId);
        }
        this.defaultId = defaultId;
    }

    /** The provider with that id, or the default one for null. */
    public OidcProvider get(String id) {
        OidcProvider provider = byId.get(id == null || id.isBlank() ? defaultId : id);
        if (provider == null) {
            throw new OidcException(OidcException.NOT_CONFIGURED, byId.isEmpty()
                    ? "Aucun fournisseur d'identité n'est configuré sur le serveur du cabinet (psc.providers)."
                    : "Fournisseur d'identité inconnu : « " + id + " ».");
        }
        return provider;
    }

    public List<OidcProvider> all() {
        return List.copyOf(byId.values());
    }

    public String defaultId() {
        return defaultId;
    }
}
