package fr.opaline.sandbox.mss;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * SMTP submission of the sandbox operator (RFC 6409 over implicit TLS): adds SASL EXTERNAL
 * (RFC 4422, RFC 4954) for a mailbox whose certificate was presented, requires authentication
 * before MAIL and the authenticated mailbox as envelope sender, implements DSN (RFC 3461:
 * ENVID, RET, NOTIFY, ORCPT) — the parameters are kept here and the store receives the plain
 * commands — and hands each finished transaction to the operator for reports.
 */
final class SmtpFront extends TlsFront {

    private static final Pattern MAIL = Pattern.compile("MAIL FROM:\\s*<([^>]*)>(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RCPT = Pattern.compile("RCPT TO:\\s*<([^>]*)>(.*)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_MESSAGE = 60 * 1024 * 1024;

    private final SandboxOperatorRules rules;

    SmtpFront(SSLContext context, int port, int backendPort, SandboxOperatorRules rules) throws IOException {
        super("smtp", context, port, backendPort);
        this.rules = rules;
    }

    @Override
    void session(Wire client, Wire store, String certified) throws IOException {
        relayReply(store, client);
        String authenticated = null;
        String mailFrom = null;
        String envid = null;
        String ret = null;
        List<SandboxOperatorRules.Recipient> recipients = new ArrayList<>();
        String line;
        while ((line = client.readLine()) != null) {
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> {
                    store.writeLine(line);
                    List<String> reply = readReply(store);
                    for (int i = 0; i < reply.size(); i++) {
                        String r = reply.get(i);
                        if (r.length() > 4 && r.substring(4).toUpperCase(Locale.ROOT).startsWith("AUTH ") && certified != null) {
                            r = r + " EXTERNAL";
                        }
                        boolean last = i == reply.size() - 1;
                        if (last) {
                            client.writeLine("250-DSN");
                            client.writeLine("250-ENHANCEDSTATUSCODES");
                        }
                        client.writeLine(r);
                    }
                }
                case "AUTH" -> {
                    if (authenticated != null) {
                        client.writeLine("503 5.5.1 Déjà authentifié");
                        continue;
                    }
                    authenticated = authenticate(line, client, store, certified);
                }
                case "MAIL" -> {
                    Matcher m = MAIL.matcher(line);
                    if (authenticated == null) {
                        client.writeLine("530 5.7.0 Authentification requise");
                    } else if (!m.matches()) {
                        client.writeLine("501 5.5.4 Syntaxe : MAIL FROM:<adresse>");
                    } else if (!m.group(1).equalsIgnoreCase(authenticated)) {
                        client.writeLine("553 5.7.1 L'expéditeur doit être la BAL authentifiée (" + authenticated + ")");
                    } else {
                        envid = parameter(m.group(2), "ENVID");
                        ret = parameter(m.group(2), "RET");
                        mailFrom = m.group(1);
                        recipients.clear();
                        store.writeLine("MAIL FROM:<" + mailFrom + ">");
                        relayReply(store, client);
                    }
                }
                case "RCPT" -> {
                    Matcher m = RCPT.matcher(line);
                    if (mailFrom == null) {
                        client.writeLine("503 5.5.1 MAIL d'abord");
                    } else if (!m.matches()) {
                        client.writeLine("501 5.5.4 Syntaxe : RCPT TO:<adresse>");
                    } else {
                        String address = m.group(1).toLowerCase(Locale.ROOT);
                        String notify = parameter(m.group(2), "NOTIFY");
                        List<String> notifyList = notify == null ? List.of("FAILURE")
                                : List.of(notify.toUpperCase(Locale.ROOT).split(","));
                        String orcpt = parameter(m.group(2), "ORCPT");
                        if (rules.unreachable(address)) {
                            recipients.add(new SandboxOperatorRules.Recipient(address, notifyList, orcpt, false));
                            client.writeLine("250 2.1.5 OK");
                        } else {
                            store.writeLine("RCPT TO:<" + address + ">");
                            List<String> reply = readReply(store);
                            writeAll(client, reply);
                            if (reply.get(reply.size() - 1).startsWith("2")) {
                                recipients.add(new SandboxOperatorRules.Recipient(address, notifyList, orcpt, true));
                            }
                        }
                    }
                }
                case "DATA" -> {
                    if (recipients.isEmpty()) {
                        client.writeLine("503 5.5.1 RCPT d'abord");
                        continue;
                    }
                    boolean toStore = recipients.stream().anyMatch(SandboxOperatorRules.Recipient::forwarded);
                    if (toStore) {
                        store.writeLine("DATA");
                        List<String> reply = readReply(store);
                        writeAll(client, reply);
                        if (!reply.get(reply.size() - 1).startsWith("354")) {
                            continue;
                        }
                    } else {
                        client.writeLine("354 Fin par <CRLF>.<CRLF>");
                    }
                    byte[] message = copyData(client, toStore ? store : null);
                    List<String> reply = toStore ? readReply(store) : List.of("250 2.0.0 OK");
                    writeAll(client, reply);
                    if (reply.get(reply.size() - 1).startsWith("250") && message != null) {
                        rules.delivered(new SandboxOperatorRules.SmtpTransaction(authenticated, mailFrom, envid, ret,
                                List.copyOf(recipients), message));
                    }
                    mailFrom = null;
                    recipients.clear();
                }
                case "RSET" -> {
                    mailFrom = null;
                    recipients.clear();
                    store.writeLine(line);
                    relayReply(store, client);
                }
                case "STARTTLS" -> client.writeLine("503 5.5.1 TLS déjà en place");
                case "QUIT" -> {
                    store.writeLine(line);
                    relayReply(store, client);
                    return;
                }
                default -> {
                    store.writeLine(line);
                    relayReply(store, client);
                }
            }
        }
    }

    /** Runs one AUTH exchange; the mailbox authenticated, or null. */
    private String authenticate(String line, Wire client, Wire store, String certified) throws IOException {
        String[] parts = line.split(" ");
        String mechanism = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
        if (mechanism.equals("EXTERNAL")) {
            String initial = parts.length > 2 ? parts[2] : null;
            if (initial == null) {
                client.writeLine("334 ");
                initial = client.readLine();
            }
            String authzid = decode(initial);
            if (authzid == null) {
                client.writeLine("501 5.5.2 Réponse SASL illisible");
                return null;
            }
            String mailbox = authzid.isEmpty() ? certified : authzid.toLowerCase(Locale.ROOT);
            if (certified == null || !certified.equals(mailbox) || !rules.isApplicative(mailbox)) {
                client.writeLine("535 5.7.8 Certificat absent ou ne correspondant pas à une BAL applicative (" + mailbox + ")");
                return null;
            }
            String plain = "\0" + mailbox + "\0" + rules.storePassword(mailbox);
            store.writeLine("AUTH PLAIN " + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
            List<String> reply = readReply(store);
            boolean ok = reply.get(reply.size() - 1).startsWith("235");
            client.writeLine(ok ? "235 2.7.0 Authentifié par certificat" : "535 5.7.8 Authentification refusée");
            return ok ? mailbox : null;
        }
        List<String> sent = new ArrayList<>();
        if (parts.length > 2) {
            sent.add(parts[2]);
        }
        store.writeLine(line);
        while (true) {
            List<String> reply = readReply(store);
            writeAll(client, reply);
            String last = reply.get(reply.size() - 1);
            if (!last.startsWith("334")) {
                return last.startsWith("235") ? user(mechanism, sent) : null;
            }
            String answer = client.readLine();
            if (answer == null) {
                return null;
            }
            sent.add(answer);
            store.writeLine(answer);
        }
    }

    private static String user(String mechanism, List<String> sent) {
        if (sent.isEmpty()) {
            return null;
        }
        String first = decode(sent.get(0));
        if (first == null) {
            return null;
        }
        return switch (mechanism) {
            case "XOAUTH2" -> first.startsWith("user=") ? first.substring(5).split("\u0001", 2)[0].toLowerCase(Locale.ROOT) : null;
            case "PLAIN" -> {
                String[] fields = first.split("\0", -1);
                yield fields.length == 3 ? fields[1].toLowerCase(Locale.ROOT) : null;
            }
            case "LOGIN" -> first.toLowerCase(Locale.ROOT);
            default -> null;
        };
    }

    /** Copies the message up to the lone dot; returns it unstuffed (null when too large to keep). */
    private static byte[] copyData(Wire client, Wire store) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean keep = true;
        byte[] line;
        while ((line = client.readRawLine()) != null) {
            if (store != null) {
                store.write(line);
            }
            String text = new String(line, StandardCharsets.US_ASCII).stripTrailing();
            if (text.equals(".")) {
                break;
            }
            if (keep) {
                int skip = line.length > 1 && line[0] == '.' ? 1 : 0;
                message.write(line, skip, line.length - skip);
                keep = message.size() < MAX_MESSAGE;
            }
        }
        if (store != null) {
            store.flush();
        }
        return keep ? message.toByteArray() : null;
    }

    static String parameter(String parameters, String name) {
        for (String p : parameters.trim().split("\\s+")) {
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).equalsIgnoreCase(name)) {
                return p.substring(eq + 1);
            }
        }
        return null;
    }

    private static String decode(String base64) {
        if (base64 == null) {
            return null;
        }
        if (base64.equals("=")) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The lines of one SMTP reply (continuation lines "250-…" then the last "250 …"). */
    static List<String> readReply(Wire from) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = from.readLine()) != null) {
            lines.add(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return lines;
            }
        }
        if (lines.isEmpty()) {
            throw new IOException("le serveur a fermé la connexion");
        }
        return lines;
    }

    private static void relayReply(Wire from, Wire to) throws IOException {
        writeAll(to, readReply(from));
    }

    private static void writeAll(Wire to, List<String> lines) throws IOException {
        for (String l : lines) {
            to.writeLine(l);
        }
    }
}
