package fr.opaline.core.user;

import static fr.opaline.core.persistence.generated.Tables.USER_CREDENTIAL;

import fr.opaline.core.persistence.Database;
import fr.opaline.core.secrets.AesGcm;
import fr.opaline.core.secrets.SecretKeyFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.Record2;

/**
 * TOTP seeds at rest: sealed with the vault key (AES-256-GCM, the account's id as associated
 * data, so a sealed seed copied onto another account does not open). Someone who reads the
 * database sees no seed; someone who writes it cannot plant a seed of their own, since only a
 * sealed value is accepted. Seeds stored in clear by earlier versions are sealed by
 * {@link #sealClearSeeds(Database)}.
 */
public final class TotpSeeds {

    static final String PREFIX = "aes1:";

    private final SecretKey key;

    private TotpSeeds(byte[] raw) {
        if (raw.length != SecretKeyFile.KEY_BYTES) {
            throw new IllegalArgumentException("la clé doit faire 256 bits");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** Seeds sealed with the raw vault key ({@code psc.vault.keyFile}). */
    public static TotpSeeds withKey(byte[] raw) {
        return new TotpSeeds(raw.clone());
    }

    /** Seeds sealed with a key that lives in this process only (tests). */
    public static TotpSeeds ephemeral() {
        byte[] raw = new byte[SecretKeyFile.KEY_BYTES];
        new SecureRandom().nextBytes(raw);
        return new TotpSeeds(raw);
    }

    String seal(UUID userId, String seed) {
        return PREFIX + Base64.getEncoder().encodeToString(
                AesGcm.seal(key, aad(userId), seed.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The seed, or empty when the stored value is not sealed with this key for this account. */
    Optional<String> open(UUID userId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] blob = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            return Optional.of(new String(AesGcm.open(key, aad(userId), blob), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException | AesGcm.SealedDataException e) {
            return Optional.empty();
        }
    }

    static boolean sealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Seals the seeds that earlier versions stored in clear. Returns how many were sealed. */
    public int sealClearSeeds(Database database) {
        return database.inTransaction(ctx -> {
            int sealed = 0;
            for (Record2<UUID, String> row : ctx.select(USER_CREDENTIAL.USER_ID, USER_CREDENTIAL.TOTP_SECRET)
                    .from(USER_CREDENTIAL)
                    .where(USER_CREDENTIAL.TOTP_SECRET.isNotNull())
                    .and(USER_CREDENTIAL.TOTP_SECRET.notLike(PREFIX + "%"))
                    .forUpdate()
                    .fetch()) {
                sealed += ctx.update(USER_CREDENTIAL)
                        .set(USER_CREDENTIAL.TOTP_SECRET, seal(row.value1(), row.value2()))
                        .set(USER_CREDENTIAL.ROW_VERSION, USER_CREDENTIAL.ROW_VERSION.plus(1))
                        .where(USER_CREDENTIAL.USER_ID.eq(row.value1()))
                        .and(USER_CREDENTIAL.TOTP_SECRET.eq(row.value2()))
                        .execute();
            }
            return sealed;
        });
    }

    private static byte[] aad(UUID userId) {
        return ByteBuffer.allocate(16).putLong(userId.getMostSignificantBits())
                .putLong(userId.getLeastSignificantBits()).array();
    }

    @Override
    public String toString() {
        return "TotpSeeds[sealed]";
    }
}
