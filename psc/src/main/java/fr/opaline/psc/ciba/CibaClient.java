package fr.opaline.psc.ciba;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.ciba.AuthRequestID;
import com.nimbusds.oauth2.sdk.ciba.BackChannelTokenDeliveryMode;
import com.nimbusds.oauth2.sdk.ciba.CIBAErrorResponse;
import com.nimbusds.oauth2.sdk.ciba.CIBAGrant;
import com.nimbusds.oauth2.sdk.ciba.CIBARequest;
import com.nimbusds.oauth2.sdk.ciba.CIBARequestAcknowledgement;
import com.nimbusds.oauth2.sdk.ciba.CIBAResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import fr.opaline.psc.oidc.IssuedTokens;
import fr.opaline.psc.oidc.OidcException;
import fr.opaline.psc.oidc.OidcProvider;
import fr.opaline.psc.oidc.ProviderErrors;
import fr.opaline.psc.oidc.TokenOutcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Client Initiated Backchannel Authentication, poll mode (OpenID Connect CIBA Core 1.0), as Pro
 * Santé Connect profiles it (SC.PSC.13): the client authenticates with HTTP Basic, names the
 * professional by {@code login_hint} (national identifier, e.g. {@code 500000001815646/CPAT00045}),
 * sends a two-digit {@code binding_message} and, for PSC, the {@code channel} (CARD or MOBILE),
 * then polls the token endpoint no faster than {@code interval}, five seconds slower after each
 * {@code slow_down}, and not after {@code expires_in}.
 */
public final class CibaClient {

    /** CIBA Core §7.3: without {@code interval}, the client polls every 5 seconds. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    /** RFC 8628 §3.5 / CIBA §11: each {@code slow_down} adds 5 seconds. */
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    private final OidcProvider provider;
    private final Clock clock;

    public CibaClient(OidcProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /** An acknowledged authentication request. The {@code auth_req_id} never leaves the server. */
    public record Ticket(String authReqId, Instant expiresAt, Duration interval) {
        public Ticket slower() {
            return new Ticket(authReqId, expiresAt, interval.plus(SLOW_DOWN_STEP));
        }

        @Override
        public String toString() {
            return "Ticket[expires " + expiresAt + ", every " + interval.toSeconds() + " s]";
        }
    }

    /** What one poll of the token endpoint gave. */
    public sealed interface Poll permits Pending, SlowDown, Issued, Refused {
    }

    public record Pending() implements Poll {
    }

    /** Poll less often from now on: {@code ticket} carries the new interval. */
    public record SlowDown(Ticket ticket) implements Poll {
    }

    public record Issued(IssuedTokens tokens) implements Poll {
    }

    /** Final: {@code error} is {@code access_denied}, {@code expired_token} or another code. */
    public record Refused(String error, String message) implements Poll {
        public boolean denied() {
            return "access_denied".equals(error);
        }

        public boolean expired() {
            return "expired_token".equals(error);
        }
    }

    /**
     * Sends the backchannel authentication request.
     *
     * @param requestedExpiry seconds the client would like the request to live, or null
     * @throws OidcException with the French message of the provider's error
     */
    public Ticket start(String loginHint, String bindingMessage, Integer requestedExpiry) {
        return start(loginHint, bindingMessage, requestedExpiry, null);
    }

    /** @param channel the channel to send (CARD or MOBILE); null: the provider's configured one */
    public Ticket start(String loginHint, String bindingMessage, Integer requestedExpiry, CibaChannel channel) {
        OIDCProviderMetadata md = provider.metadata();
        URI endpoint = md.getBackChannelAuthenticationEndpointURI();
        if (endpoint == null) {
            throw new OidcException(OidcException.NOT_CONFIGURED,
                    provider.config().label() + " ne propose pas l'authentification CIBA.");
        }
        List<BackChannelTokenDeliveryMode> modes = md.getBackChannelTokenDeliveryModes();
        if (modes != null && !modes.isEmpty() && !modes.contains(BackChannelTokenDeliveryMode.POLL)) {
            throw new OidcException(OidcException.NOT_CONFIGURED,
                    provider.config().label() + " ne propose pas CIBA en mode « poll ».");
        }
        CIBARequest.Builder builder = new CIBARequest.Builder(provider.clientAuthentication(),
                Scope.parse(provider.config().scope()))
                .endpointURI(endpoint)
                .loginHint(loginHint)
                .bindingMessage(bindingMessage)
                .requestedExpiry(requestedExpiry);
        CibaChannel sent = channel != null ? channel : provider.config().cibaChannel();
        if (sent != null) {
            // ANS proxy e-Santé (ansforge/psc-edc-proxy-esante, PSCSessionService): form parameter "channel"
            builder.customParameter("channel", sent.name());
        }
        if (!provider.config().acrValues().isEmpty()) {
            builder.acrValues(provider.config().acrValues().stream().map(ACR::new).toList());
        }
        Instant sentAt = clock.instant();
        HTTPResponse response = provider.send(builder.build().toHTTPRequest());
        CIBAResponse parsed;
        try {
            parsed = CIBAResponse.parse(response);
        } catch (ParseException e) {
            throw new OidcException(OidcException.INVALID_RESPONSE, provider.config().label()
                    + " : réponse CIBA illisible (HTTP " + response.getStatusCode() + ").", e);
        }
        if (!parsed.indicatesSuccess()) {
            CIBAErrorResponse error = parsed.toErrorResponse();
            String code = error.getErrorObject() == null ? null : error.getErrorObject().getCode();
            String description = error.getErrorObject() == null ? null : error.getErrorObject().getDescription();
            throw new OidcException(code == null ? OidcException.INVALID_RESPONSE : code,
                    ProviderErrors.message(code, description));
        }
        CIBARequestAcknowledgement ack = parsed.toRequestAcknowledgement();
        Integer interval = ack.getMinWaitInterval();
        return new Ticket(ack.getAuthRequestID().getValue(), sentAt.plusSeconds(ack.getExpiresIn()),
                interval == null || interval < 1 ? DEFAULT_INTERVAL : Duration.ofSeconds(interval));
    }

    /** One poll of the token endpoint. Past the ticket's expiry, answers {@code expired_token} at once. */
    public Poll poll(Ticket ticket) {
        if (!clock.instant().isBefore(ticket.expiresAt())) {
            return new Refused("expired_token", ProviderErrors.message("expired_token", null));
        }
        TokenOutcome outcome = provider.requestToken(new CIBAGrant(new AuthRequestID(ticket.authReqId())));
        if (outcome instanceof TokenOutcome.Issued issued) {
            return new Issued(issued.tokens());
        }
        TokenOutcome.Refused refused = (TokenOutcome.Refused) outcome;
        String code = refused.error();
        if ("authorization_pending".equals(code)) {
            return new Pending();
        }
        if ("slow_down".equals(code)) {
            return new SlowDown(ticket.slower());
        }
        return new Refused(code, ProviderErrors.message(code, refused.description()));
    }
}
