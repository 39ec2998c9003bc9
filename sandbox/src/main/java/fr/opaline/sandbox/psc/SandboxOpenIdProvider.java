package fr.opaline.sandbox.psc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import fr.opaline.core.common.Json;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.platform.http.Exchange;
import fr.opaline.platform.http.HttpService;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.http.Routes;
import fr.opaline.psc.http.UrlEncoded;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The sandbox Pro Santé Connect of {@code opaline sandbox}: an OpenID Connect provider on loopback
 * speaking the real protocol, with PSC's paths and claims: discovery (also at PSC's
 * {@code wallet-openid-configuration}), JWKS, CIBA in poll mode (Basic client authentication,
 * {@code interval}, {@code slow_down}, {@code expires_in}, every CIBA error), authorization code
 * with PKCE S256 to loopback redirect URIs, refresh tokens, signed userinfo, revocation. An
 * {@link ECpsSimulator} decides in place of the professional's phone; {@code /ecps} is its web page.
 */
public final class SandboxOpenIdProvider implements SandboxService {

    public static final String CLIENT_ID = "opaline-proxy";
    public static final String PROVIDER_FILE = "psc-provider.properties";
    private static final String REALM = "/auth/realms/esante-wallet";
    private static final String OIDC = REALM + "/protocol/openid-connect";
    /**
     * The Espace de confiance's token endpoint (RFC 8693 exchange), at the path of the ANS reference
     * proxy's configuration (ansforge/psc-edc-proxy-esante, src/test/resources/application.yml,
     * {@code token-exchange-endpoint}).
     */
    private static final String TRUST_SPACE_TOKEN = "/realms/signsessiondata/protocol/openid-connect/token";
    /** National ids whose PSC access token was exchanged, in order (tests). */
    private final List<String> exchanges = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * The binding message the ANS proxy e-Santé sends: "two-digit random number between 00 and 99"
     * (ansforge/psc-edc-proxy-esante, openapi/API-Proxy-eSante.json, schema connection.bindingMessage).
     */
    private static final Pattern BINDING_MESSAGE = Pattern.compile("[0-9]{2}");
    /** The channel the ANS proxy e-Santé always sends (same source, connection.channel; Connection.validate). */
    private static final List<String> CHANNELS = List.of("CARD", "MOBILE");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Timings of the sandbox; tests shorten them. */
    public record Settings(Duration cibaExpiresIn, Duration cibaInterval, Duration accessLifetime,
                           Duration refreshLifetime) {
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(2), Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(30));
        }
    }

    private final int port;
    private final Path stateDirectory;
    private final String clientSecret;
    private final ECpsSimulator simulator;
    private final Settings settings;
    private final Clock clock;
    private final RSAKey signingKey;
    private final Map<String, CibaRequest> cibaByAuthReqId = new ConcurrentHashMap<>();
    private final Map<String, CibaRequest> cibaByRef = new ConcurrentHashMap<>();
    private final Map<String, BrowserLogin> browserLogins = new ConcurrentHashMap<>();
    private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> journal = new ArrayList<>();
    private final AtomicInteger refs = new AtomicInteger();
    private HttpService server;
    private ScheduledExecutorService timer;

    public SandboxOpenIdProvider(int port, Path stateDirectory, String clientSecret, ECpsSimulator simulator,
                                 Settings settings, Clock clock) {
        this.port = port;
        this.stateDirectory = stateDirectory;
        this.clientSecret = clientSecret;
        this.simulator = simulator;
        this.settings = settings;
        this.clock = clock;
        try {
            this.signingKey = new RSAKeyGenerator(2048).keyID("sandbox-" + random(6)).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return "psc";
    }

    @Override
    public synchronized void start() throws IOException {
        server = new HttpService(HttpSettings.defaults("sandbox-psc",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).withThreads(8).withMaxConnections(64)
                .withMaxBodyBytes(64 * 1024), new Routes().any("/*", x -> {
                    Call call = new Call(x);
                    handle(call);
                    return call.reply();
                }), Json.mapper()).start();
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sandbox-psc-ecps"));
        simulator.start(timer, this::decide);
        if (stateDirectory != null) {
            writeProviderFile();
        }
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (server != null) {
            server.close();
            timer.shutdownNow();
            server = null;
        }
    }

    public URI issuer() {
        return URI.create("http://127.0.0.1:" + server.port() + REALM);
    }

    /** PSC publishes its discovery document at this non-standard path. */
    public URI discovery() {
        return URI.create(issuer() + "/.well-known/wallet-openid-configuration");
    }

    public String clientSecret() {
        return clientSecret;
    }

    @Override
    public Map<String, URI> endpoints() {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        endpoints.put("discovery", discovery());
        endpoints.put("ecps", URI.create("http://127.0.0.1:" + server.port() + "/ecps"));
        return endpoints;
    }

    @Override
    public Object inspect() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("issuer", issuer().toString());
        state.put("clientId", CLIENT_ID);
        state.put("approval", simulator.mode().name().toLowerCase(java.util.Locale.ROOT));
        state.put("professionals", SandboxProfessional.DIRECTORY.stream()
                .map(p -> Map.of("nationalId", p.nationalId(), "name", p.displayName())).toList());
        state.put("cibaRequests", cibaByRef.values().stream().sorted((a, b) -> a.createdAt.compareTo(b.createdAt))
                .map(CibaRequest::view).toList());
        state.put("openRefreshTokens", refreshTokens.size());
        synchronized (journal) {
            state.put("journal", List.copyOf(journal));
        }
        return state;
    }

    /** Approves ({@code true}) or denies a CIBA request, as the e-CPS would; false if unknown or decided. */
    public boolean decide(String ref, Boolean approve) {
        CibaRequest request = cibaByRef.get(ref);
        if (request == null) {
            return false;
        }
        synchronized (request) {
            if (request.status != CibaStatus.PENDING) {
                return false;
            }
            request.status = approve ? CibaStatus.APPROVED : CibaStatus.DENIED;
        }
        note("ecps", request.professional.nationalId(), approve ? "approuvée" : "refusée");
        return true;
    }

    /** References of the CIBA requests awaiting a decision, oldest first (tests, /ecps page). */
    public List<String> pendingApprovals() {
        return cibaByRef.values().stream().filter(r -> r.status == CibaStatus.PENDING)
                .sorted((a, b) -> a.createdAt.compareTo(b.createdAt)).map(r -> r.ref).toList();
    }

    /** The binding message shown on the phone for a pending request. */
    public Optional<String> bindingMessage(String ref) {
        return Optional.ofNullable(cibaByRef.get(ref)).map(r -> r.bindingMessage);
    }

    /** The channel (CARD or MOBILE) a CIBA request named. */
    public Optional<String> channel(String ref) {
        return Optional.ofNullable(cibaByRef.get(ref)).map(r -> r.channel);
    }

    /** The national identifier a CIBA request named. */
    public Optional<String> nationalId(String ref) {
        return Optional.ofNullable(cibaByRef.get(ref)).map(r -> r.professional.nationalId());
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(Call exchange) throws IOException {
        {
            String path = exchange.in.path();
            String method = exchange.in.method();
            try {
                if (path.equals(REALM + "/.well-known/wallet-openid-configuration")
                        || path.equals(REALM + "/.well-known/openid-configuration")) {
                    json(exchange, 200, discoveryDocument());
                } else if (path.equals(OIDC + "/certs")) {
                    json(exchange, 200, new JWKSet(signingKey.toPublicJWK()).toJSONObject());
                } else if (path.equals(OIDC + "/ext/ciba/auth") && method.equals("POST")) {
                    backchannelAuthentication(exchange);
                } else if (path.equals(OIDC + "/token") && method.equals("POST")) {
                    token(exchange);
                } else if (path.equals(TRUST_SPACE_TOKEN) && method.equals("POST")) {
                    tokenExchange(exchange);
                } else if (path.equals(OIDC + "/auth") && method.equals("GET")) {
                    authorize(exchange);
                } else if (path.equals(OIDC + "/auth/decision") && method.equals("POST")) {
                    authorizeDecision(exchange);
                } else if (path.equals(OIDC + "/userinfo")) {
                    userInfo(exchange);
                } else if (path.equals(OIDC + "/revoke") && method.equals("POST")) {
                    revoke(exchange);
                } else if (path.equals("/ecps") && method.equals("GET")) {
                    ecpsPage(exchange);
                } else if (path.startsWith("/ecps/") && method.equals("POST")) {
                    ecpsDecision(exchange, path.substring("/ecps/".length()));
                } else {
                    json(exchange, 404, Map.of("error", "not_found"));
                }
            } catch (OAuthError e) {
                json(exchange, e.status, Map.of("error", e.code, "error_description", e.getMessage()));
            }
        }
    }

    private Map<String, Object> discoveryDocument() {
        String issuer = issuer().toString();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer);
        d.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
        d.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        d.put("userinfo_endpoint", issuer + "/protocol/openid-connect/userinfo");
        d.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        d.put("revocation_endpoint", issuer + "/protocol/openid-connect/revoke");
        d.put("backchannel_authentication_endpoint", issuer + "/protocol/openid-connect/ext/ciba/auth");
        d.put("backchannel_token_delivery_modes_supported", List.of("poll"));
        d.put("backchannel_user_code_parameter_supported", false);
        d.put("grant_types_supported", List.of("authorization_code", "refresh_token", "urn:openid:params:grant-type:ciba"));
        d.put("response_types_supported", List.of("code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("userinfo_signing_alg_values_supported", List.of("RS256"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("scopes_supported", List.of("openid", "scope_all"));
        d.put("acr_values_supported", List.of("eidas1"));
        d.put("claims_supported", List.of("sub", "SubjectNameID", "preferred_username", "family_name", "given_name",
                "SubjectRefPro", "SubjectRole"));
        return d;
    }

    private void backchannelAuthentication(Call exchange) throws IOException {
        Map<String, String> form = form(exchange);
        authenticateClient(exchange, form);
        String scope = form.getOrDefault("scope", "");
        if (!List.of(scope.split(" ")).contains("openid")) {
            throw new OAuthError(400, "invalid_scope", "the scope must contain openid");
        }
        if (form.containsKey("user_code")) {
            throw new OAuthError(400, "invalid_user_code", "user codes are not supported");
        }
        if (form.containsKey("login_hint_token") || form.containsKey("id_token_hint")) {
            throw new OAuthError(400, "invalid_request", "only login_hint is supported");
        }
        String loginHint = form.get("login_hint");
        if (loginHint == null || loginHint.isBlank()) {
            throw new OAuthError(400, "invalid_request", "missing login_hint");
        }
        SandboxProfessional professional = SandboxProfessional.find(loginHint.trim())
                .orElseThrow(() -> new OAuthError(400, "unknown_user_id", "unknown national identifier"));
        String bindingMessage = form.get("binding_message");
        if (bindingMessage == null || !BINDING_MESSAGE.matcher(bindingMessage).matches()) {
            throw new OAuthError(400, "invalid_binding_message", "binding_message: two digits, 00 to 99");
        }
        String channel = form.get("channel");
        if (channel == null || !CHANNELS.contains(channel)) {
            throw new OAuthError(400, "invalid_request", "channel: CARD or MOBILE");
        }
        Duration expiresIn = settings.cibaExpiresIn();
        if (form.containsKey("requested_expiry")) {
            try {
                long requested = Long.parseLong(form.get("requested_expiry"));
                if (requested > 0 && requested < expiresIn.toSeconds()) {
                    expiresIn = Duration.ofSeconds(requested);
                }
            } catch (NumberFormatException e) {
                throw new OAuthError(400, "invalid_request", "requested_expiry must be a number of seconds");
            }
        }
        CibaRequest request = new CibaRequest("r" + refs.incrementAndGet(), random(32), professional, bindingMessage,
                channel, scope, form.get("acr_values"), clock.instant(), clock.instant().plus(expiresIn), settings.cibaInterval());
        cibaByAuthReqId.put(request.authReqId, request);
        cibaByRef.put(request.ref, request);
        note("ciba", professional.nationalId(), "demande reçue, code " + bindingMessage + ", canal " + channel);
        simulator.requested(request.ref, professional.displayName() + " (" + professional.nationalId() + ")",
                bindingMessage);
        json(exchange, 200, Map.of("auth_req_id", request.authReqId, "expires_in", expiresIn.toSeconds(),
                "interval", settings.cibaInterval().toSeconds()));
    }

    private void token(Call exchange) throws IOException {
        Map<String, String> form = form(exchange);
        authenticateClient(exchange, form);
        String grant = form.getOrDefault("grant_type", "");
        switch (grant) {
            case "urn:openid:params:grant-type:ciba" -> cibaToken(exchange, form);
            case "authorization_code" -> codeToken(exchange, form);
            case "refresh_token" -> refreshToken(exchange, form);
            default -> throw new OAuthError(400, "unsupported_grant_type", "grant_type " + grant);
        }
    }

    /** The Espace de confiance's token endpoint, where the proxy exchanges a PSC access token (RFC 8693). */
    public URI tokenExchangeEndpoint() {
        return URI.create(issuer().getScheme() + "://" + issuer().getAuthority() + TRUST_SPACE_TOKEN);
    }

    /** The national ids whose PSC access token was exchanged, oldest first. */
    public List<String> exchanges() {
        return List.copyOf(exchanges);
    }

    /**
     * RFC 8693 §2.1 with the parameters the ANS reference proxy sends (TokenExchangeProcess):
     * grant type token-exchange, subject_token a valid access token of this PSC, subject_token_type
     * access_token, subject_issuer "psc", the client authenticated as for PSC.
     */
    private void tokenExchange(Call exchange) throws IOException {
        Map<String, String> form = form(exchange);
        authenticateClient(exchange, form);
        if (!"urn:ietf:params:oauth:grant-type:token-exchange".equals(form.get("grant_type"))) {
            throw new OAuthError(400, "unsupported_grant_type", "grant_type " + form.get("grant_type"));
        }
        if (!"urn:ietf:params:oauth:token-type:access_token".equals(form.get("subject_token_type"))) {
            throw new OAuthError(400, "invalid_request", "subject_token_type: urn:ietf:params:oauth:token-type:access_token");
        }
        if (!"psc".equals(form.get("subject_issuer"))) {
            throw new OAuthError(400, "invalid_request", "subject_issuer: psc");
        }
        JWTClaimsSet subject;
        try {
            SignedJWT jwt = SignedJWT.parse(form.getOrDefault("subject_token", ""));
            if (!jwt.verify(new RSASSAVerifier(signingKey.toRSAPublicKey()))) {
                throw new ParseException("bad signature", 0);
            }
            subject = jwt.getJWTClaimsSet();
            if (subject.getExpirationTime() == null || subject.getExpirationTime().toInstant().isBefore(clock.instant())) {
                throw new ParseException("expired", 0);
            }
        } catch (ParseException | JOSEException e) {
            throw new OAuthError(400, "invalid_grant", "subject_token: not a valid PSC access token");
        }
        Instant now = clock.instant();
        String nationalId = (String) subject.getClaim("preferred_username");
        JWTClaimsSet access = new JWTClaimsSet.Builder()
                .issuer(issuer().getScheme() + "://" + issuer().getAuthority() + "/realms/signsessiondata")
                .audience(CLIENT_ID).subject(subject.getSubject()).claim("preferred_username", nationalId)
                .claim("SubjectNameID", nationalId).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessLifetime()))).jwtID(random(12)).build();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", sign(access, JOSEObjectType.JWT));
        response.put("token_type", "Bearer");
        response.put("expires_in", settings.accessLifetime().toSeconds());
        response.put("refresh_token", random(32));
        response.put("refresh_expires_in", settings.refreshLifetime().toSeconds());
        response.put("issued_token_type", "urn:ietf:params:oauth:token-type:access_token");
        exchanges.add(nationalId);
        note("token", nationalId, "jeton PSC échangé (Espace de confiance)");
        json(exchange, 200, response);
    }

    private void cibaToken(Call exchange, Map<String, String> form) throws IOException {
        CibaRequest request = cibaByAuthReqId.get(form.getOrDefault("auth_req_id", ""));
        if (request == null) {
            throw new OAuthError(400, "invalid_grant", "unknown auth_req_id");
        }
        Instant now = clock.instant();
        synchronized (request) {
            request.polls++;
            if (!now.isBefore(request.expiresAt)) {
                throw new OAuthError(400, "expired_token", "the authentication request has expired");
            }
            if (request.lastPollAt != null && now.isBefore(request.lastPollAt.plus(request.interval))) {
                request.interval = request.interval.plusSeconds(5);
                request.lastPollAt = now;
                request.slowDowns++;
                throw new OAuthError(400, "slow_down", "poll less often");
            }
            request.lastPollAt = now;
            switch (request.status) {
                case PENDING -> throw new OAuthError(400, "authorization_pending", "waiting for the e-CPS");
                case DENIED -> throw new OAuthError(400, "access_denied", "refused on the e-CPS");
                case CONSUMED -> throw new OAuthError(400, "invalid_grant", "auth_req_id already used");
                case APPROVED -> request.status = CibaStatus.CONSUMED;
            }
        }
        note("token", request.professional.nationalId(), "jetons délivrés (CIBA)");
        json(exchange, 200, issueTokens(request.professional, request.scope, null, request.acr));
    }

    private void authorize(Call exchange) throws IOException {
        Map<String, String> query = exchange.query();
        if (!CLIENT_ID.equals(query.get("client_id"))) {
            html(exchange, 400, "<p>Client inconnu.</p>");
            return;
        }
        String redirect = query.getOrDefault("redirect_uri", "");
        if (!validRedirect(redirect)) {
            html(exchange, 400, "<p>Adresse de retour refusée : " + escape(redirect) + "</p>");
            return;
        }
        String state = query.get("state");
        if (!"code".equals(query.get("response_type"))) {
            redirect(exchange, redirect, Map.of("error", "unsupported_response_type", "state", nullToEmpty(state)));
            return;
        }
        if (query.get("code_challenge") == null || !"S256".equals(query.get("code_challenge_method"))) {
            redirect(exchange, redirect, Map.of("error", "invalid_request", "error_description",
                    "PKCE S256 required", "state", nullToEmpty(state)));
            return;
        }
        if (!List.of(query.getOrDefault("scope", "").split(" ")).contains("openid")) {
            redirect(exchange, redirect, Map.of("error", "invalid_scope", "state", nullToEmpty(state)));
            return;
        }
        BrowserLogin login = new BrowserLogin(random(16), redirect, state, query.get("nonce"), query.get("code_challenge"),
                query.getOrDefault("scope", "openid"), query.get("acr_values"), clock.instant().plus(Duration.ofMinutes(10)));
        browserLogins.put(login.id, login);
        String hint = query.get("login_hint");
        if (simulator.mode() == ECpsSimulator.Mode.AUTO && hint != null && SandboxProfessional.find(hint).isPresent()) {
            finishBrowserLogin(exchange, login, SandboxProfessional.find(hint).get(), true);
            return;
        }
        StringBuilder options = new StringBuilder();
        for (SandboxProfessional p : SandboxProfessional.DIRECTORY) {
            options.append("<option value=\"").append(p.nationalId()).append("\"")
                    .append(p.nationalId().equals(hint) ? " selected" : "").append(">")
                    .append(escape(p.displayName())).append(" — ").append(p.nationalId()).append("</option>");
        }
        html(exchange, 200, "<h1>Pro Santé Connect (bac à sable)</h1><p>Connexion par e-CPS simulée.</p>"
                + "<form method=\"post\" action=\"" + OIDC + "/auth/decision\">"
                + "<input type=\"hidden\" name=\"login\" value=\"" + login.id + "\">"
                + "<label>Professionnel : <select name=\"nationalId\">" + options + "</select></label> "
                + "<button name=\"decision\" value=\"approve\">Approuver</button> "
                + "<button name=\"decision\" value=\"deny\">Refuser</button></form>");
    }

    private void authorizeDecision(Call exchange) throws IOException {
        Map<String, String> form = form(exchange);
        BrowserLogin login = browserLogins.remove(form.getOrDefault("login", ""));
        if (login == null || clock.instant().isAfter(login.expiresAt)) {
            html(exchange, 400, "<p>Connexion inconnue ou expirée : recommencez depuis Opaline.</p>");
            return;
        }
        Optional<SandboxProfessional> professional = SandboxProfessional.find(form.getOrDefault("nationalId", ""));
        boolean approve = "approve".equals(form.get("decision")) && professional.isPresent();
        finishBrowserLogin(exchange, login, professional.orElse(null), approve);
    }

    private void finishBrowserLogin(Call exchange, BrowserLogin login, SandboxProfessional professional,
                                    boolean approve) throws IOException {
        browserLogins.remove(login.id);
        if (!approve) {
            note("browser", professional == null ? "?" : professional.nationalId(), "connexion refusée");
            redirect(exchange, login.redirectUri, Map.of("error", "access_denied", "state", nullToEmpty(login.state)));
            return;
        }
        String code = random(24);
        codes.put(code, new CodeGrant(professional, login.redirectUri, login.codeChallenge, login.nonce, login.scope,
                login.acr, clock.instant().plus(Duration.ofMinutes(1))));
        note("browser", professional.nationalId(), "code d'autorisation délivré");
        redirect(exchange, login.redirectUri, Map.of("code", code, "state", nullToEmpty(login.state)));
    }

    private void codeToken(Call exchange, Map<String, String> form) throws IOException {
        CodeGrant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null || clock.instant().isAfter(grant.expiresAt)) {
            throw new OAuthError(400, "invalid_grant", "unknown, used or expired code");
        }
        if (!grant.redirectUri.equals(form.get("redirect_uri"))) {
            throw new OAuthError(400, "invalid_grant", "redirect_uri mismatch");
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue()
                .equals(grant.codeChallenge)) {
            throw new OAuthError(400, "invalid_grant", "PKCE verification failed");
        }
        note("token", grant.professional.nationalId(), "jetons délivrés (code + PKCE)");
        json(exchange, 200, issueTokens(grant.professional, grant.scope, grant.nonce, grant.acr));
    }

    private void refreshToken(Call exchange, Map<String, String> form) throws IOException {
        RefreshGrant grant = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
        if (grant == null || clock.instant().isAfter(grant.expiresAt)) {
            throw new OAuthError(400, "invalid_grant", "unknown, revoked or expired refresh token");
        }
        note("token", grant.professional.nationalId(), "jetons rafraîchis");
        json(exchange, 200, issueTokens(grant.professional, grant.scope, null, grant.acr));
    }

    private void userInfo(Call exchange) throws IOException {
        String header = exchange.in.header("Authorization").orElse(null);
        if (header == null || !header.startsWith("Bearer ")) {
            exchange.header("WWW-Authenticate", "Bearer");
            json(exchange, 401, Map.of("error", "invalid_token"));
            return;
        }
        JWTClaimsSet access;
        try {
            SignedJWT jwt = SignedJWT.parse(header.substring(7).trim());
            if (!jwt.verify(new RSASSAVerifier(signingKey.toRSAPublicKey()))) {
                throw new ParseException("bad signature", 0);
            }
            access = jwt.getJWTClaimsSet();
            if (access.getExpirationTime() == null || access.getExpirationTime().toInstant().isBefore(clock.instant())) {
                throw new ParseException("expired", 0);
            }
        } catch (ParseException | JOSEException e) {
            exchange.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            json(exchange, 401, Map.of("error", "invalid_token"));
            return;
        }
        SandboxProfessional professional = SandboxProfessional.find(String.valueOf(access.getClaim("preferred_username")))
                .orElseThrow(() -> new OAuthError(401, "invalid_token", "unknown subject"));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer().toString()).audience(CLIENT_ID)
                .subject(professional.subject()).issueTime(new Date());
        professional.claims().forEach(claims::claim);
        byte[] body = sign(claims.build(), null).getBytes(StandardCharsets.US_ASCII);
        exchange.header("Content-Type", "application/jwt");
        exchange.header("Cache-Control", "no-store");
        exchange.send(200, null, body);
    }

    private void revoke(Call exchange) throws IOException {
        Map<String, String> form = form(exchange);
        authenticateClient(exchange, form);
        RefreshGrant revoked = refreshTokens.remove(form.getOrDefault("token", ""));
        if (revoked != null) {
            note("revoke", revoked.professional.nationalId(), "jeton de rafraîchissement révoqué");
        }
        exchange.send(200, null, new byte[0]);
    }

    private void ecpsPage(Call exchange) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (String ref : pendingApprovals()) {
            CibaRequest r = cibaByRef.get(ref);
            rows.append("<li>").append(escape(r.professional.displayName())).append(" (").append(r.professional.nationalId())
                    .append(") — code <b>").append(escape(String.valueOf(r.bindingMessage))).append("</b> ")
                    .append("<form method=\"post\" action=\"/ecps/").append(ref).append("/approve\" style=\"display:inline\">")
                    .append("<button>Approuver</button></form> ")
                    .append("<form method=\"post\" action=\"/ecps/").append(ref).append("/deny\" style=\"display:inline\">")
                    .append("<button>Refuser</button></form></li>");
        }
        html(exchange, 200, "<h1>e-CPS (bac à sable)</h1>" + (rows.length() == 0
                ? "<p>Aucune demande en attente.</p>" : "<ul>" + rows + "</ul>")
                + "<p><a href=\"/ecps\">Actualiser</a></p>");
    }

    private void ecpsDecision(Call exchange, String rest) throws IOException {
        String[] parts = rest.split("/");
        boolean done = parts.length == 2 && (parts[1].equals("approve") || parts[1].equals("deny"))
                && decide(parts[0], parts[1].equals("approve"));
        exchange.header("Location", "/ecps");
        exchange.send(done ? 303 : 404, null, new byte[0]);
    }

    // ------------------------------------------------------------------ tokens

    private Map<String, Object> issueTokens(SandboxProfessional professional, String scope, String nonce, String acr) {
        Instant now = clock.instant();
        JWTClaimsSet access = new JWTClaimsSet.Builder().issuer(issuer().toString()).audience(CLIENT_ID)
                .subject(professional.subject()).claim("preferred_username", professional.nationalId())
                .claim("scope", scope).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(settings.accessLifetime())))
                .jwtID(random(12)).build();
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder().issuer(issuer().toString()).audience(CLIENT_ID)
                .subject(professional.subject()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessLifetime())))
                .claim("auth_time", now.getEpochSecond()).claim("acr", acr == null ? "eidas1" : acr)
                .claim("azp", CLIENT_ID).claim("SubjectNameID", professional.nationalId())
                .claim("preferred_username", professional.nationalId())
                .claim("family_name", professional.familyName()).claim("given_name", professional.givenName());
        if (nonce != null) {
            id.claim("nonce", nonce);
        }
        String refresh = random(32);
        refreshTokens.put(refresh, new RefreshGrant(professional, scope, acr, now.plus(settings.refreshLifetime())));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", sign(access, JOSEObjectType.JWT));
        response.put("token_type", "Bearer");
        response.put("expires_in", settings.accessLifetime().toSeconds());
        response.put("refresh_token", refresh);
        response.put("refresh_expires_in", settings.refreshLifetime().toSeconds());
        response.put("id_token", sign(id.build(), JOSEObjectType.JWT));
        response.put("scope", scope);
        return response;
    }

    private String sign(JWTClaimsSet claims, JOSEObjectType type) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).type(type)
                    .build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private void authenticateClient(Call exchange, Map<String, String> form) {
        String id = null;
        String secret = null;
        String header = exchange.in.header("Authorization").orElse(null);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                    secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                id = null;
            }
        } else {
            id = form.get("client_id");
            secret = form.get("client_secret");
        }
        if (!CLIENT_ID.equals(id) || secret == null
                || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), clientSecret.getBytes(StandardCharsets.UTF_8))) {
            exchange.header("WWW-Authenticate", "Basic realm=\"esante-wallet\"");
            throw new OAuthError(401, "invalid_client", "client authentication failed");
        }
    }

    /** RFC 8252: any port on a loopback IP literal. */
    private static boolean validRedirect(String redirect) {
        try {
            URI uri = URI.create(redirect);
            return "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost()))
                    && uri.getPort() > 0 && uri.getFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void note(String kind, String nationalId, String what) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", clock.instant().toString());
        entry.put("kind", kind);
        entry.put("nationalId", nationalId);
        entry.put("what", what);
        synchronized (journal) {
            journal.add(entry);
            if (journal.size() > 200) {
                journal.remove(0);
            }
        }
    }

    private void writeProviderFile() throws IOException {
        Files.createDirectories(stateDirectory);
        Properties properties = new Properties();
        properties.setProperty("discovery", discovery().toString());
        properties.setProperty("clientId", CLIENT_ID);
        properties.setProperty("clientSecret", clientSecret);
        try (OutputStream out = Files.newOutputStream(stateDirectory.resolve(PROVIDER_FILE))) {
            properties.store(out, "Bac à sable Pro Santé Connect d'opaline sandbox (lu par le serveur du cabinet)");
        }
    }

    private static Map<String, String> form(Call exchange) throws IOException {
        return UrlEncoded.parse(exchange.in.bodyText());
    }

    private static void redirect(Call exchange, String target, Map<String, String> parameters) throws IOException {
        StringBuilder location = new StringBuilder(target).append(target.contains("?") ? '&' : '?');
        parameters.forEach((k, v) -> {
            if (!v.isEmpty()) {
                location.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        });
        location.setLength(location.length() - 1);
        exchange.header("Location", location.toString());
        exchange.send(302, null, new byte[0]);
    }

    private static void json(Call exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.header("Content-Type", "application/json");
        exchange.header("Cache-Control", "no-store");
        exchange.send(status, null, bytes);
    }

    private static void html(Call exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>PSC bac à sable</title>"
                + "</head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.header("Content-Type", "text/html; charset=utf-8");
        exchange.send(status, null, bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private enum CibaStatus { PENDING, APPROVED, DENIED, CONSUMED }

    private static final class CibaRequest {
        final String ref;
        final String authReqId;
        final SandboxProfessional professional;
        final String bindingMessage;
        final String channel;
        final String scope;
        final String acr;
        final Instant createdAt;
        final Instant expiresAt;
        Duration interval;
        Instant lastPollAt;
        CibaStatus status = CibaStatus.PENDING;
        int polls;
        int slowDowns;

        CibaRequest(String ref, String authReqId, SandboxProfessional professional, String bindingMessage,
                    String channel, String scope, String acr, Instant createdAt, Instant expiresAt, Duration interval) {
            this.ref = ref;
            this.authReqId = authReqId;
            this.professional = professional;
            this.bindingMessage = bindingMessage;
            this.channel = channel;
            this.scope = scope;
            this.acr = acr;
            this.createdAt = createdAt;
            this.expiresAt = expiresAt;
            this.interval = interval;
        }

        synchronized Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("ref", ref);
            view.put("nationalId", professional.nationalId());
            view.put("bindingMessage", bindingMessage);
            view.put("channel", channel);
            view.put("acrValues", acr);
            view.put("status", status.name());
            view.put("createdAt", createdAt.toString());
            view.put("expiresAt", expiresAt.toString());
            view.put("polls", polls);
            view.put("slowDowns", slowDowns);
            view.put("intervalSeconds", interval.toSeconds());
            return view;
        }
    }

    private record BrowserLogin(String id, String redirectUri, String state, String nonce, String codeChallenge,
                                String scope, String acr, Instant expiresAt) {
    }

    private record CodeGrant(SandboxProfessional professional, String redirectUri, String codeChallenge, String nonce,
                             String scope, String acr, Instant expiresAt) {
    }

    private record RefreshGrant(SandboxProfessional professional, String scope, String acr, Instant expiresAt) {
    }

    private static final class OAuthError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        OAuthError(int status, String code, String description) {
            super(description);
            this.status = status;
            this.code = code;
        }
    }

    /** One request and the reply its handler set (each handler above answers once, then returns). */
    private static final class Call {
        final Exchange in;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Reply reply;

        Call(Exchange in) {
            this.in = in;
        }

        void header(String name, String value) {
            headers.put(name, value);
        }

        void send(int status, String contentType, byte[] body) {
            reply = Reply.bytes(status, contentType, body);
        }

        /** The query's parameters, first value of each. */
        Map<String, String> query() {
            Map<String, String> first = new LinkedHashMap<>();
            in.queryParameters().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    first.put(name, values.get(0));
                }
            });
            return first;
        }

        Reply reply() {
            Reply answer = reply == null ? Reply.noContent() : reply;
            headers.forEach(answer::header);
            return answer;
        }
    }
}
