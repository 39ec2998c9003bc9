package fr.opaline.core.secrets;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for secrets stored in the database (PSC tokens, TOTP seeds): version byte, random
 * 96-bit IV, ciphertext and tag. The caller's associated data (the row's identity) is
 * authenticated with it, so a blob copied onto another row does not open.
 */
public final class AesGcm {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    public static byte[] seal(SecretKey key, byte[] associatedData, byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * @throws SealedDataException when the blob is not in this format, was altered or moved, or
     *                             was sealed with another key
     */
    public static byte[] open(SecretKey key, byte[] associatedData, byte[] blob) {
        if (blob.length < 1 + IV_BYTES + TAG_BITS / 8 || blob[0] != VERSION) {
            throw new SealedDataException("format inconnu");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 1, IV_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(blob, 1 + IV_BYTES, blob.length - 1 - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new SealedDataException("contenu altéré ou clé différente");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** A sealed value that does not open with this key and associated data. */
    public static final class SealedDataException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        SealedDataException(String message) {
            super(message);
        }
    }
}
