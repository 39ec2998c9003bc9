package fr.opaline.app.cli;

import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.hl7.inbound.Hl7PeerGate;
import fr.opaline.hl7.inbound.Hl7Receiver;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.Hl7PeerDeclaration;
import fr.opaline.ins.trust.TrustedCorrespondents;
import fr.opaline.hl7.inbound.InboundMessageStore;
import fr.opaline.hl7.message.Acks;
import fr.opaline.hl7.message.AckCode;
import fr.opaline.hl7.mllp.MllpClient;
import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.mllp.MllpServer;
import fr.opaline.hl7.mllp.MllpServerSettings;
import fr.opaline.hl7.sent.BusinessAckHandler;
import fr.opaline.hl7.sent.SentMessageLog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hl7", description = {"Débit MLLP soutenu sur la boucle locale : messages par seconde acquittés, chaque",
        "message étant enregistré (base H2 en mémoire, ou --configured) avant son acquittement."})
final class BenchHl7Command extends Subcommand implements Callable<Integer> {

    @Option(names = "--messages", defaultValue = "20000", description = "Messages mesurés (défaut : ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--connections", defaultValue = "4", description = "Connexions MLLP simultanées (défaut : ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--warmup", defaultValue = "2000", description = "Messages d'échauffement (défaut : ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--configured", description = "Enregistrer dans la base configurée plutôt qu'en mémoire.")
    boolean configured;

    static final String ZAM = "MSH|^~\\&|PFI|CHU|OPALINE|CABINET|20260302100000||ZAM^Z01^ZAM_Z01|%s|P|2.6|||||FRA|"
            + "UNICODE UTF-8|||2.1^CISIS_CDA_HL7_V2\rEVN||20260302100000\r"
            + "OBX|1|CWE|ACK_RECEPTION_DMP^Accusé de réception DMP^AckMetierZAM|%s|Y^^expandedYes-NoIndicator||||||F|\r";

    @Override
    public Integer call() throws Exception {
        DatabaseSettings settings = configured ? config().database()
                : new DatabaseSettings("jdbc:h2:mem:bench-hl7-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                        connections + 2);
        Clock clock = Clock.systemUTC();
        try (Database database = Database.openAndMigrate(settings)) {
            IdGenerator ids = IdGenerator.timeOrdered(clock);
            AuditTrail audit = new AuditTrail(database, clock);
            TrustedCorrespondents registry = new TrustedCorrespondents(database, audit, ids, clock);
            // The bench's sender is a declared peer, as in production: the peer check is part of what is measured.
            if (registry.hl7Peer("PFI").isEmpty()) {
                registry.addHl7Peer(new Hl7PeerDeclaration("PFI (banc d'essai)", Channel.HL7, "PFI", null,
                        List.of("127.0.0.1"), null, List.of("ZAM^Z01"), false, null), Actor.system("bench"));
            }
            Hl7Receiver receiver = new Hl7Receiver("bench", new InboundMessageStore(database, ids, clock),
                    List.of(new BusinessAckHandler(database, new SentMessageLog(database, ids, clock))),
                    StandardCharsets.UTF_8, new Hl7PeerGate(registry), audit, clock);
            MllpServer server = new MllpServer("bench", MllpServerSettings.loopback(0).withIdleTimeout(Duration.ofMinutes(1)),
                    receiver);
            server.start();
            try {
                String run = Long.toString(System.currentTimeMillis(), 36);
                send(server.port(), warmup, "W" + run);
                long start = System.nanoTime();
                long[] latencies = send(server.port(), messages, "M" + run);
                double seconds = (System.nanoTime() - start) / 1e9;
                Arrays.sort(latencies);
                out().printf("HL7 MLLP sur la boucle locale, %d connexions, base %s%n", connections,
                        configured ? settings.jdbcUrl() : "H2 en mémoire");
                out().printf("%d messages ZAM^Z01 enregistrés puis acquittés AA en %.2f s : %.0f messages/s%n",
                        messages, seconds, messages / seconds);
                out().printf("Latence aller-retour : p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", pct(latencies, 50),
                        pct(latencies, 95), pct(latencies, 99));
                return 0;
            } finally {
                server.stop(Duration.ofSeconds(5));
            }
        }
    }

    private long[] send(int port, int count, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int share = count / connections + (c < count % connections ? 1 : 0);
                String id = prefix + "C" + c + "N";
                parts.add(pool.submit(() -> {
                    long[] lat = new long[share];
                    try (MllpClient client = new MllpClient(MllpEndpoint.of("127.0.0.1", port))) {
                        for (int i = 0; i < share; i++) {
                            String control = id + i;
                            byte[] message = ZAM.formatted(control, control).getBytes(StandardCharsets.UTF_8);
                            long t0 = System.nanoTime();
                            byte[] ack = client.exchange(message);
                            lat[i] = System.nanoTime() - t0;
                            Acks.Received r = Acks.read(new String(ack, StandardCharsets.UTF_8));
                            if (r.code() != AckCode.AA) {
                                throw new IllegalStateException("Acquittement " + r.code() + " : " + r.detail());
                            }
                        }
                    }
                    return lat;
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : parts) {
                all.add(f.get());
            }
            return all.stream().flatMapToLong(Arrays::stream).toArray();
        } finally {
            pool.shutdown();
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
