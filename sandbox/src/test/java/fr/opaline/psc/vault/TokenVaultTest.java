package fr.opaline.psc.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import fr.opaline.core.persistence.generated.Tables;
import fr.opaline.psc.PscTestRig;
import fr.opaline.psc.api.CibaStarted;
import fr.opaline.psc.api.LoginStatus;
import fr.opaline.psc.oidc.OidcException;
import fr.opaline.sandbox.psc.ECpsSimulator;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token vault: encrypted at rest, refreshed ahead of expiry, ended when the provider refuses. */
class TokenVaultTest {

    private static PscTestRig rig;

    @BeforeAll
    static void start() throws Exception {
        // Access tokens live 30 s: with a 60 s margin, every session is due for refresh at once.
        rig = new PscTestRig(ECpsSimulator.Mode.AUTO, new SandboxOpenIdProvider.Settings(Duration.ofSeconds(60),
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(30)));
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    private static LoginStatus login() {
        CibaStarted started = rig.client.startCiba(null, "899700000000");
        return rig.client.awaitCiba(started, s -> { });
    }

    private static byte[] blob(UUID sessionId) {
        return rig.db.database().dsl().select(Tables.PSC_SESSION.TOKEN_BLOB).from(Tables.PSC_SESSION)
                .where(Tables.PSC_SESSION.ID.eq(sessionId)).fetchSingle().value1();
    }

    @Test
    void tokensAreEncryptedAtRestAndBoundToTheirRow() {
        login();
        UUID sessionId = rig.onlySessionId();
        Map<String, String> tokens = rig.vaultTokens(sessionId);
        String raw = new String(blob(sessionId), StandardCharsets.ISO_8859_1);

        assertThat(tokens.get("refreshToken")).isNotBlank();
        assertThat(raw).doesNotContain(tokens.get("refreshToken")).doesNotContain(tokens.get("accessToken"));
        assertThat(rig.db.database().dsl().select(Tables.PSC_SESSION.HANDLE_HASH).from(Tables.PSC_SESSION)
                .where(Tables.PSC_SESSION.ID.eq(sessionId)).fetchSingle().value1()).hasSize(64);
        assertThatThrownBy(() -> new TokenCipher(VaultKey.random()).decrypt(sessionId, blob(sessionId)))
                .hasMessageContaining("altéré ou clé différente");
        assertThatThrownBy(() -> new TokenCipher(rig.vaultKey).decrypt(UUID.randomUUID(), blob(sessionId)))
                .as("a blob copied onto another row does not open").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sessionsAreRefreshedBeforeTheirAccessTokenExpires() {
        login();
        UUID sessionId = rig.onlySessionId();
        String before = rig.vaultTokens(sessionId).get("accessToken");
        var expiresBefore = rig.vault.get(sessionId).orElseThrow().accessExpiresAt();

        int refreshed = rig.vault.refreshDue();

        assertThat(refreshed).isGreaterThanOrEqualTo(1);
        PscSession after = rig.vault.get(sessionId).orElseThrow();
        assertThat(after.refreshedAt()).isNotNull();
        assertThat(after.accessExpiresAt()).isAfterOrEqualTo(expiresBefore);
        assertThat(rig.vaultTokens(sessionId).get("accessToken")).isNotEqualTo(before);
    }

    @Test
    void aRefreshRefusedByTheProviderEndsTheSession() throws Exception {
        LoginStatus status = login();
        UUID sessionId = rig.onlySessionId();
        // The professional's session is revoked at PSC (e.g. logged out from another service).
        new TokenRevocationRequest(URI.create(rig.sandbox.issuer() + "/protocol/openid-connect/revoke"),
                new ClientSecretBasic(new ClientID(SandboxOpenIdProvider.CLIENT_ID), new Secret(rig.sandbox.clientSecret())),
                new RefreshToken(rig.vaultTokens(sessionId).get("refreshToken"))).toHTTPRequest().send();

        assertThatThrownBy(() -> rig.vault.refresh(sessionId)).isInstanceOfSatisfying(OidcException.class,
                e -> assertThat(e.getMessage()).startsWith("Pro Santé Connect a refusé de prolonger la session"));
        PscSession ended = rig.vault.get(sessionId).orElseThrow();
        assertThat(ended.endedAt()).isNotNull();
        assertThat(ended.endReason()).isEqualTo("refresh_refused");
        assertThat(blob(sessionId)).isEmpty();
        assertThat(rig.vault.find(status.sessionHandle())).isEmpty();
    }

    @Test
    void aChangedVaultKeyEndsTheSessionsInsteadOfFailingObscurely() {
        login();
        UUID sessionId = rig.onlySessionId();
        TokenVault other = new TokenVault(rig.db.database(), null, new TokenCipher(VaultKey.random()),
                java.time.Clock.systemUTC(), null, Duration.ofHours(1), Duration.ofMinutes(1));

        assertThatThrownBy(() -> other.accessToken(sessionId)).isInstanceOfSatisfying(OidcException.class,
                e -> assertThat(e.getMessage()).contains("clé du coffre"));
    }

    @Test
    void theKeyFileIsCreatedOnceWithOwnerOnlyPermissions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("secrets/psc-vault.key");
        VaultKey first = VaultKey.loadOrCreate(file);
        VaultKey again = VaultKey.loadOrCreate(file);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
}
