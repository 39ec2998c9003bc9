package fr.opaline.mss.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Message-IDs fixed when a send is decided, from what the message is (document, purpose,
 * recipient): a retry after a crash sends a message with the same Message-ID, so neither Opaline
 * (unique key) nor the recipient's mail client takes it for a new one.
 */
public final class MessageIds {

    private MessageIds() {
    }

    public static String of(String documentUid, Purpose purpose, String recipientKey, String senderAddress) {
        String domain = senderAddress.substring(senderAddress.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((documentUid + "|" + purpose + "|"
                    + recipientKey.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return "<opaline." + HexFormat.of().formatHex(digest, 0, 20) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
