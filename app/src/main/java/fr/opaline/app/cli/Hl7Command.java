package fr.opaline.app.cli;

import fr.opaline.hl7.message.Acks;
import fr.opaline.hl7.message.Hl7Charsets;
import fr.opaline.hl7.message.MshHeader;
import fr.opaline.hl7.mllp.MllpClient;
import fr.opaline.hl7.mllp.MllpEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "hl7", description = "Échanges HL7 v2 (MLLP).", subcommands = {Hl7Command.Send.class, Hl7PeersCommand.class, Hl7RoutesCommand.class})
final class Hl7Command implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "send", description = {"Envoie un message HL7 v2 (fichier ER7) par MLLP et affiche l'acquittement.",
            "Code de sortie : 0 acquittement AA, 1 AE/AR ou pair injoignable, 2 fichier illisible."})
    static final class Send extends Subcommand implements Callable<Integer> {

        @Option(names = "--host", required = true, description = "Adresse du destinataire.")
        String host;

        @Option(names = "--port", required = true, description = "Port MLLP du destinataire.")
        int port;

        @Option(names = "--tls", description = "Connexion TLS (magasin de confiance de la JVM).")
        boolean tls;

        @Option(names = "--timeout", defaultValue = "PT30S", description = "Attente maximale de l'acquittement (défaut : ${DEFAULT-VALUE}).")
        Duration timeout;

        @Parameters(paramLabel = "FICHIER", description = "Le message (segments séparés par CR, LF ou CRLF).")
        Path file;

        @Override
        public Integer call() throws Exception {
            byte[] message;
            try {
                message = segmentsWithCr(Files.readAllBytes(file));
            } catch (IOException e) {
                err().println("Fichier illisible : " + file + " (" + e.getMessage() + ")");
                return 2;
            }
            MshHeader header = MshHeader.read(message).orElse(null);
            if (header == null) {
                err().println("Ce fichier ne commence pas par un segment MSH : ce n'est pas un message HL7 v2.");
                return 2;
            }
            Charset charset = Hl7Charsets.forMsh18(header.charset()).orElse(StandardCharsets.UTF_8);
            MllpEndpoint endpoint = new MllpEndpoint(host, port, Duration.ofSeconds(10), timeout,
                    tls ? SSLContext.getDefault() : null);
            byte[] answer;
            try (MllpClient client = new MllpClient(endpoint)) {
                answer = client.exchange(message);
            } catch (IOException e) {
                err().println("Envoi impossible vers " + endpoint + " : " + e.getMessage());
                return 1;
            }
            String ack = new String(answer, charset);
            out().println(ack.replace("\r", System.lineSeparator()).strip());
            Acks.Received received = Acks.read(ack);
            out().println("→ " + switch (received.code()) {
                case AA -> "accepté (AA)";
                case AE -> "refusé (AE) : " + received.detail();
                case AR -> "rejeté (AR) : " + received.detail();
            });
            return received.code() == fr.opaline.hl7.message.AckCode.AA ? 0 : 1;
        }

        static byte[] segmentsWithCr(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            for (int i = 0; i < bytes.length; i++) {
                byte b = bytes[i];
                if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    continue;
                }
                out.write(b == '\n' ? '\r' : b);
            }
            byte[] result = out.toByteArray();
            int end = result.length;
            while (end > 1 && result[end - 1] == '\r' && result[end - 2] == '\r') {
                end--;
            }
            return java.util.Arrays.copyOf(result, end);
        }
    }
}
