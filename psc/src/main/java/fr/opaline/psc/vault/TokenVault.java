package fr.opaline.psc.vault;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.Json;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.generated.tables.records.PscSessionRecord;
import fr.opaline.psc.oidc.IssuedTokens;
import fr.opaline.psc.oidc.OidcException;
import fr.opaline.psc.oidc.OidcProvider;
import fr.opaline.psc.oidc.OidcProviders;
import fr.opaline.psc.oidc.Professional;
import fr.opaline.psc.oidc.ProviderErrors;
import fr.opaline.psc.oidc.TokenOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The practice server's token vault: access, refresh and ID tokens of every open session,
 * encrypted at rest (AES-256-GCM, key outside the database), refreshed before they expire, and
 * revoked at logout. A workstation only ever holds the session's opaque handle, of which the
 * database keeps a SHA-256. The server's own services (MSSanté XOAUTH2, DMP) get the current
 * access token with {@link #accessToken(UUID)}.
 */
public final class TokenVault {

    private static final Logger LOG = LoggerFactory.getLogger(TokenVault.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final OidcProviders providers;
    private final TokenCipher cipher;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration maxSessionAge;
    private final Duration refreshAhead;
    private final ConcurrentHashMap<UUID, Object> refreshLocks = new ConcurrentHashMap<>();

    /**
     * @param maxSessionAge a session ends after this even if the provider would refresh it longer
     * @param refreshAhead  access tokens are refreshed when they expire within this margin
     */
    public TokenVault(Database database, OidcProviders providers, TokenCipher cipher, Clock clock, IdGenerator ids,
                      Duration maxSessionAge, Duration refreshAhead) {
        this.database = database;
        this.providers = providers;
        this.cipher = cipher;
        this.clock = clock;
        this.ids = ids;
        this.maxSessionAge = maxSessionAge;
        this.refreshAhead = refreshAhead;
    }

    /** A new session and the handle to give (once) to the workstation. */
    public record Opened(PscSession session, String handle) {
        @Override
        public String toString() {
            return "Opened[" + session.id() + ", handle masqué]";
        }
    }

    public Opened open(String provider, PscSession.Flow flow, Professional professional, UUID userId,
                       String clientAddress, IssuedTokens tokens) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant endsAt = now.plus(maxSessionAge);
        PscSession session = new PscSession(ids.newId(), provider, flow, professional, userId, clientAddress, now, null,
                tokens.accessExpiresAt(), tokens.refreshExpiresAt(), endsAt, null, null);
        byte[] blob = seal(session.id(), tokens.accessToken().getValue(),
                tokens.refreshToken() == null ? null : tokens.refreshToken().getValue(),
                tokens.idToken() == null ? null : tokens.idToken().serialize());
        database.inTransactionRun(ctx -> new PscSessionRepository(ctx).insert(session, hash(handle), cipher.keyId(), blob));
        return new Opened(session, handle);
    }

    /** The open session behind a handle; empty for an unknown, ended or lapsed handle. */
    public Optional<PscSession> find(String handle) {
        if (handle == null || handle.isBlank() || handle.length() > 100) {
            return Optional.empty();
        }
        return new PscSessionRepository(database.dsl()).byHandleHash(hash(handle)).map(PscSessionRepository::toDomain)
                .filter(s -> s.activeAt(clock.instant()));
    }

    public Optional<PscSession> get(UUID sessionId) {
        return new PscSessionRepository(database.dsl()).byId(sessionId).map(PscSessionRepository::toDomain);
    }

    /** The most recent open session of a local account (for server-side calls on their behalf). */
    public Optional<PscSession> openSessionOf(UUID userId) {
        return new PscSessionRepository(database.dsl()).openForUser(userId, clock.instant()).stream().findFirst()
                .map(PscSessionRepository::toDomain);
    }

    public PscSession attachUser(UUID sessionId, UUID userId) {
        database.inTransactionRun(ctx -> new PscSessionRepository(ctx).attachUser(sessionId, userId));
        return get(sessionId).orElseThrow();
    }

    /**
     * A valid access token for the server's own calls (MSSanté XOAUTH2, PSC-connected APIs),
     * refreshed first when it expires within the margin.
     */
    public String accessToken(UUID sessionId) {
        PscSession session = get(sessionId).filter(s -> s.activeAt(clock.instant()))
                .orElseThrow(() -> ended("La session Pro Santé Connect est terminée : reconnectez-vous."));
        if (!clock.instant().plus(refreshAhead).isBefore(session.accessExpiresAt())) {
            refresh(sessionId);
        }
        return open(sessionId).accessToken();
    }

    /**
     * Exchanges the refresh token for new tokens. A refusal by the provider ends the session.
     *
     * @throws OidcException when the session cannot be refreshed (ended, refused, unreachable)
     */
    public PscSession refresh(UUID sessionId) {
        synchronized (refreshLocks.computeIfAbsent(sessionId, id -> new Object())) {
            try {
                PscSession session = get(sessionId).filter(s -> s.activeAt(clock.instant()))
                        .orElseThrow(() -> ended("La session Pro Santé Connect est terminée : reconnectez-vous."));
                StoredTokens stored = open(sessionId);
                if (stored.refreshToken() == null) {
                    throw ended("Le fournisseur d'identité n'a pas donné de jeton de rafraîchissement : reconnectez-vous.");
                }
                if (session.refreshExpiresAt() != null && !clock.instant().isBefore(session.refreshExpiresAt())) {
                    end(sessionId, "refresh_expired");
                    throw ended("La session Pro Santé Connect a expiré : reconnectez-vous.");
                }
                OidcProvider provider = providers.get(session.provider());
                TokenOutcome outcome = provider.requestToken(new RefreshTokenGrant(new RefreshToken(stored.refreshToken())));
                if (outcome instanceof TokenOutcome.Refused refused) {
                    end(sessionId, "refresh_refused");
                    throw new OidcException(refused.error() == null ? OidcException.INVALID_RESPONSE : refused.error(),
                            "Pro Santé Connect a refusé de prolonger la session : reconnectez-vous. ("
                                    + ProviderErrors.message(refused.error(), refused.description()) + ")");
                }
                IssuedTokens tokens = ((TokenOutcome.Issued) outcome).tokens();
                if (tokens.idToken() != null) {
                    provider.validateIdToken(tokens.idToken(), null);
                }
                String refresh = tokens.refreshToken() != null ? tokens.refreshToken().getValue() : stored.refreshToken();
                Instant refreshExpiresAt = tokens.refreshToken() != null ? tokens.refreshExpiresAt() : session.refreshExpiresAt();
                byte[] blob = seal(sessionId, tokens.accessToken().getValue(), refresh,
                        tokens.idToken() != null ? tokens.idToken().serialize() : stored.idToken());
                Instant now = clock.instant();
                database.inTransactionRun(ctx -> new PscSessionRepository(ctx).updateTokens(sessionId, cipher.keyId(), blob,
                        now, tokens.accessExpiresAt(), refreshExpiresAt));
                return get(sessionId).orElseThrow();
            } finally {
                refreshLocks.remove(sessionId);
            }
        }
    }

    /**
     * Refreshes every open session whose access token expires within the margin, and closes the
     * sessions past their end. Returns how many were refreshed. Failures end those sessions only.
     */
    public int refreshDue() {
        Instant now = clock.instant();
        PscSessionRepository repository = new PscSessionRepository(database.dsl());
        for (UUID lapsed : repository.lapsed(now)) {
            end(lapsed, "max_age");
        }
        int refreshed = 0;
        for (UUID id : repository.dueForRefresh(now.plus(refreshAhead), now)) {
            try {
                refresh(id);
                refreshed++;
            } catch (OidcException e) {
                LOG.info("PSC session {} not refreshed: {}", id, e.error());
            }
        }
        return refreshed;
    }

    /**
     * Ends the session: its tokens are wiped from the vault and the refresh token is revoked at
     * the provider when it offers a revocation endpoint (RFC 7009).
     */
    public boolean end(UUID sessionId, String reason) {
        StoredTokens stored;
        try {
            stored = open(sessionId);
        } catch (RuntimeException e) {
            stored = null;
        }
        boolean ended = database.inTransaction(ctx -> new PscSessionRepository(ctx).end(sessionId, clock.instant(), reason));
        if (ended && stored != null && stored.refreshToken() != null) {
            revoke(sessionId, stored.refreshToken());
        }
        return ended;
    }

    private void revoke(UUID sessionId, String refreshToken) {
        try {
            PscSession session = get(sessionId).orElseThrow();
            OidcProvider provider = providers.get(session.provider());
            OIDCProviderMetadata md = provider.metadata();
            if (md.getRevocationEndpointURI() != null) {
                provider.send(new TokenRevocationRequest(md.getRevocationEndpointURI(), provider.clientAuthentication(),
                        new RefreshToken(refreshToken)).toHTTPRequest());
            }
        } catch (RuntimeException e) {
            LOG.info("PSC session {}: refresh token not revoked at the provider ({})", sessionId, e.getClass().getSimpleName());
        }
    }

    private StoredTokens open(UUID sessionId) {
        PscSessionRecord row = new PscSessionRepository(database.dsl()).byId(sessionId)
                .orElseThrow(() -> ended("Session inconnue."));
        if (row.getTokenBlob() == null || row.getTokenBlob().length == 0) {
            throw ended("La session Pro Santé Connect est terminée : reconnectez-vous.");
        }
        if (!cipher.keyId().equals(row.getKeyId())) {
            throw ended("La clé du coffre à jetons a changé : reconnectez-vous.");
        }
        return Json.read(new String(cipher.decrypt(sessionId, row.getTokenBlob()), StandardCharsets.UTF_8),
                StoredTokens.class);
    }

    private byte[] seal(UUID sessionId, String access, String refresh, String idToken) {
        return cipher.encrypt(sessionId, Json.write(new StoredTokens(access, refresh, idToken))
                .getBytes(StandardCharsets.UTF_8));
    }

    static String hash(String handle) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(handle.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OidcException ended(String message) {
        return new OidcException("session_ended", message);
    }
}
