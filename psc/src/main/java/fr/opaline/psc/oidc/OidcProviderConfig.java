package fr.opaline.psc.oidc;

import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import fr.opaline.psc.ciba.CibaChannel;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * One OpenID Connect identity provider the practice server uses: Pro Santé Connect (the default)
 * or the practice's own provider (SC.SSI/IAM.80). The client secret stays on the server.
 *
 * @param discovery      the provider's discovery document (PSC publishes it at
 *                       {@code …/.well-known/wallet-openid-configuration}, not at the standard path)
 * @param scope          space-separated scopes ({@code openid scope_all} for PSC)
 * @param acrValues      requested authentication context ({@code eidas1} for PSC), may be empty
 * @param nationalIdClaims claims that carry the professional's national identifier, in order
 * @param rppsClaim      a claim carrying the RPPS directly (a practice IdP), or null to derive it
 *                       from the national identifier (8 + RPPS)
 * @param tlsSocketFactory client certificate for providers that require mutual TLS, or null
 * @param cibaChannel    the {@code channel} sent with each CIBA request (CARD or MOBILE, as the ANS
 *                       proxy e-Santé always sends to PSC), or null not to send one (a practice IdP)
 */
public record OidcProviderConfig(String id, String label, URI discovery, ClientID clientId, Secret clientSecret,
                                 String scope, List<String> acrValues, boolean ciba, boolean browser,
                                 List<String> nationalIdClaims, String rppsClaim, Duration httpTimeout,
                                 SSLSocketFactory tlsSocketFactory, CibaChannel cibaChannel) {

    public static final String PSC = "psc";
    public static final List<String> PSC_NATIONAL_ID_CLAIMS = List.of("SubjectNameID", "preferred_username");

    public OidcProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("identifiant de fournisseur invalide : " + id);
        }
        label = label == null || label.isBlank() ? id : label;
        scope = scope == null || scope.isBlank() ? "openid" : scope;
        acrValues = acrValues == null ? List.of() : List.copyOf(acrValues);
        nationalIdClaims = nationalIdClaims == null || nationalIdClaims.isEmpty() ? PSC_NATIONAL_ID_CLAIMS
                : List.copyOf(nationalIdClaims);
        httpTimeout = httpTimeout == null ? Duration.ofSeconds(15) : httpTimeout;
    }

    /** A provider to which CIBA requests name no channel. */
    public OidcProviderConfig(String id, String label, URI discovery, ClientID clientId, Secret clientSecret,
                              String scope, List<String> acrValues, boolean ciba, boolean browser,
                              List<String> nationalIdClaims, String rppsClaim, Duration httpTimeout,
                              SSLSocketFactory tlsSocketFactory) {
        this(id, label, discovery, clientId, clientSecret, scope, acrValues, ciba, browser, nationalIdClaims, rppsClaim,
                httpTimeout, tlsSocketFactory, null);
    }

    /** The same provider, CIBA requests naming {@code channel}. */
    public OidcProviderConfig withCibaChannel(CibaChannel channel) {
        return new OidcProviderConfig(id, label, discovery, clientId, clientSecret, scope, acrValues, ciba, browser,
                nationalIdClaims, rppsClaim, httpTimeout, tlsSocketFactory, channel);
    }

    /** Pro Santé Connect's defaults: scope, acr and claims of its documentation; CIBA on the e-CPS ({@code MOBILE}). */
    public static OidcProviderConfig psc(String id, URI discovery, String clientId, Secret secret) {
        return new OidcProviderConfig(id, "Pro Santé Connect", discovery, new ClientID(clientId), secret,
                "openid scope_all", List.of("eidas1"), true, true, PSC_NATIONAL_ID_CLAIMS, null, null, null,
                CibaChannel.MOBILE);
    }

    @Override
    public String toString() {
        return "OidcProviderConfig[" + id + ", " + discovery + ", client " + clientId + ", secret masqué]";
    }
}
