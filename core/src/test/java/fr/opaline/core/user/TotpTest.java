package fr.opaline.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Second factor for local accounts (DMP access with AIR simplifié), RFC 6238. */
class TotpTest {

    /** RFC 6238 appendix B, SHA-1 seed, truncated to 8 digits there. */
    @Test
    void matchesTheRfc6238TestVectors() {
        byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
        assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(1111111109)), 8)).isEqualTo("07081804");
        assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(20000000000L)), 8)).isEqualTo("65353130");
        assertThat(Totp.code(seed, Totp.step(Instant.ofEpochSecond(59)), 6)).isEqualTo("287082");
    }

    @Test
    void base32RoundTripsAndSecretsAre160Bits() {
        byte[] data = {0, 1, 2, (byte) 0xFE, (byte) 0xFF, 42, 7};
        assertThat(Base32.decode(Base32.encode(data))).isEqualTo(data);
        assertThat(Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode(Totp.newSecret())).hasSize(20);
    }

    @Test
    void acceptsOneStepOfDriftButNotTwo() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-03-02T08:00:10Z");
        long step = Totp.step(now);

        assertThat(Totp.verify(secret, Totp.code(secret, step), now, null)).hasValue(step);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 1), now, null)).hasValue(step - 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step + 1), now, null)).hasValue(step + 1);
        assertThat(Totp.verify(secret, Totp.code(secret, step - 2), now, null)).isEmpty();
    }

    @Test
    void aCodeIsNeverAcceptedTwice() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-03-02T08:00:10Z");
        String code = Totp.code(secret, Totp.step(now));
        long used = Totp.verify(secret, code, now, null).getAsLong();

        assertThat(Totp.verify(secret, code, now, used)).isEmpty();
    }

    @Test
    void malformedCodesAreRefused() {
        String secret = Totp.newSecret();
        Instant now = Instant.now();
        assertThat(Totp.verify(secret, null, now, null)).isEmpty();
        assertThat(Totp.verify(secret, "12345", now, null)).isEmpty();
        assertThat(Totp.verify(secret, "abcdef", now, null)).isEmpty();
    }

    @Test
    void provisioningUriNamesTheIssuerAndAccount() {
        assertThat(Totp.provisioningUri("Opaline", "dr.lambert", "ABC"))
                .isEqualTo("otpauth://totp/Opaline:dr.lambert?secret=ABC&issuer=Opaline&algorithm=SHA1&digits=6&period=30");
    }
}
