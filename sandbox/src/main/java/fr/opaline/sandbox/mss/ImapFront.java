package fr.opaline.sandbox.mss;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * IMAP of the sandbox operator (RFC 3501/9051 over implicit TLS): advertises and performs SASL
 * EXTERNAL (AUTHENTICATE EXTERNAL, with SASL-IR) for a mailbox whose certificate was presented;
 * every other command and mechanism (XOAUTH2 checked by the store against the PSC keys) goes to
 * the store, and after authentication the connection is passed through untouched.
 */
final class ImapFront extends TlsFront {

    private final SandboxOperatorRules rules;

    ImapFront(SSLContext context, int port, int backendPort, SandboxOperatorRules rules) throws IOException {
        super("imap", context, port, backendPort);
        this.rules = rules;
    }

    @Override
    void session(Wire client, Wire store, String certified) throws IOException {
        String greeting = store.readLine();
        if (greeting == null) {
            return;
        }
        client.writeLine(capabilities(greeting, certified));
        String line;
        while ((line = client.readLine()) != null) {
            String[] parts = line.split(" ");
            if (parts.length < 2) {
                client.writeLine("* BAD commande illisible");
                continue;
            }
            String tag = parts[0];
            String command = parts[1].toUpperCase(Locale.ROOT);
            if (command.equals("CAPABILITY")) {
                store.writeLine(line);
                relayUntilTagged(store, client, tag, certified);
            } else if (command.equals("STARTTLS")) {
                client.writeLine(tag + " BAD TLS déjà en place");
            } else if (command.equals("AUTHENTICATE") && parts.length > 2 && parts[2].equalsIgnoreCase("EXTERNAL")) {
                if (external(tag, parts.length > 3 ? parts[3] : null, client, store, certified)) {
                    Wire.pipe(client, store);
                    return;
                }
            } else if (command.equals("AUTHENTICATE") || command.equals("LOGIN") || command.equals("LOGOUT")) {
                store.writeLine(line);
                Wire.pipe(client, store);
                return;
            } else {
                store.writeLine(line);
                relayUntilTagged(store, client, tag, certified);
            }
        }
    }

    private boolean external(String tag, String initial, Wire client, Wire store, String certified) throws IOException {
        if (initial == null) {
            client.writeLine("+ ");
            initial = client.readLine();
        }
        String authzid;
        try {
            authzid = initial == null ? null : initial.equals("=") ? ""
                    : new String(Base64.getDecoder().decode(initial.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            authzid = null;
        }
        if (authzid == null) {
            client.writeLine(tag + " BAD réponse SASL illisible");
            return false;
        }
        String mailbox = authzid.isEmpty() ? certified : authzid.toLowerCase(Locale.ROOT);
        if (certified == null || !certified.equals(mailbox) || !rules.isApplicative(mailbox)) {
            client.writeLine(tag + " NO [AUTHENTICATIONFAILED] Certificat absent ou ne correspondant pas à une BAL applicative");
            return false;
        }
        store.writeLine(tag + " LOGIN " + quoted(mailbox) + " " + quoted(rules.storePassword(mailbox)));
        String reply;
        while ((reply = store.readLine()) != null) {
            if (reply.startsWith(tag + " ")) {
                boolean ok = reply.substring(tag.length() + 1).toUpperCase(Locale.ROOT).startsWith("OK");
                client.writeLine(ok ? tag + " OK Authentifié par certificat" : tag + " NO [AUTHENTICATIONFAILED] refusé");
                return ok;
            }
            client.writeLine(reply);
        }
        return false;
    }

    private static void relayUntilTagged(Wire store, Wire client, String tag, String certified) throws IOException {
        String reply;
        while ((reply = store.readLine()) != null) {
            client.writeLine(capabilities(reply, certified));
            if (reply.startsWith(tag + " ")) {
                return;
            }
        }
        throw new IOException("le serveur a fermé la connexion");
    }

    /** Adds AUTH=EXTERNAL to a CAPABILITY response or response code when a certificate was presented. */
    static String capabilities(String line, String certified) {
        if (certified == null) {
            return line;
        }
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("* CAPABILITY ")) {
            return line + " AUTH=EXTERNAL";
        }
        int code = upper.indexOf("[CAPABILITY ");
        if (code >= 0) {
            int end = line.indexOf(']', code);
            if (end > 0) {
                return line.substring(0, end) + " AUTH=EXTERNAL" + line.substring(end);
            }
        }
        return line;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
