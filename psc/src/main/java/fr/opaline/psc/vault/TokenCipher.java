package fr.opaline.psc.vault;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for the vault's rows. The session id is authenticated with the ciphertext, so a
 * blob copied onto another session's row does not decrypt.
 */
public final class TokenCipher {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final VaultKey key;
    private final SecureRandom random = new SecureRandom();

    public TokenCipher(VaultKey key) {
        this.key = key;
    }

    public String keyId() {
        return key.id();
    }

    public byte[] encrypt(UUID sessionId, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(sessionId));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** @throws IllegalStateException when the blob was altered, moved or sealed with another key */
    public byte[] decrypt(UUID sessionId, byte[] blob) {
        if (blob.length < 1 + IV_BYTES + TAG_BITS / 8 || blob[0] != VERSION) {
            throw new IllegalStateException("coffre à jetons : format inconnu");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, blob, 1, IV_BYTES));
            cipher.updateAAD(aad(sessionId));
            return cipher.doFinal(blob, 1 + IV_BYTES, blob.length - 1 - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("coffre à jetons : contenu altéré ou clé différente", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] aad(UUID sessionId) {
        return ByteBuffer.allocate(16).putLong(sessionId.getMostSignificantBits())
                .putLong(sessionId.getLeastSignificantBits()).array();
    }
}
