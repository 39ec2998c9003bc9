package fr.opaline.psc.vault;

import fr.opaline.core.secrets.AesGcm;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * AES-256-GCM for the vault's rows ({@link AesGcm}). The session id is authenticated with the
 * ciphertext, so a blob copied onto another session's row does not decrypt.
 */
public final class TokenCipher {

    private final VaultKey key;

    public TokenCipher(VaultKey key) {
        this.key = key;
    }

    public String keyId() {
        return key.id();
    }

    public byte[] encrypt(UUID sessionId, byte[] plaintext) {
        return AesGcm.seal(key.secretKey(), aad(sessionId), plaintext);
    }

    /** @throws IllegalStateException when the blob was altered, moved or sealed with another key */
    public byte[] decrypt(UUID sessionId, byte[] blob) {
        try {
            return AesGcm.open(key.secretKey(), aad(sessionId), blob);
        } catch (AesGcm.SealedDataException e) {
            throw new IllegalStateException("coffre à jetons : " + e.getMessage(), e);
        }
    }

    private static byte[] aad(UUID sessionId) {
        return ByteBuffer.allocate(16).putLong(sessionId.getMostSignificantBits())
                .putLong(sessionId.getLeastSignificantBits()).array();
    }
}
