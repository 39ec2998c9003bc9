package fr.opaline.psc.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.psc.PscTestRig;
import fr.opaline.psc.api.CibaStarted;
import fr.opaline.psc.api.LoginState;
import fr.opaline.psc.api.ProxyException;
import fr.opaline.sandbox.psc.ECpsSimulator;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The proxy e-santé under a hostile LAN (issue 20), on loopback and bounded: clients that never
 * finish their headers, a flood of CIBA starts for one doctor, a flood of browser starts.
 */
class ProxyLimitsTest {

    private static final SandboxOpenIdProvider.Settings SANDBOX = new SandboxOpenIdProvider.Settings(
            Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(90), Duration.ofMinutes(30));

    @Test
    void clientsThatNeverFinishTheirHeadersDoNotBlockAPscSignIn() throws Exception {
        try (PscTestRig rig = new PscTestRig(ECpsSimulator.Mode.AUTO, SANDBOX)) {
            List<Socket> slow = new ArrayList<>();
            try {
                // The 8, and more than the server has workers: none of them holds one.
                for (int i = 0; i < 40; i++) {
                    SSLSocket socket = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", rig.server.port());
                    socket.startHandshake();
                    OutputStream out = socket.getOutputStream();
                    out.write("POST /psc/ciba HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    slow.add(socket);
                }
                long start = System.nanoTime();
                CibaStarted started = rig.client.startCiba(null, "899700000000");
                var status = rig.client.awaitCiba(started, s -> { });
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                assertThat(status.state()).isEqualTo(LoginState.AUTHENTICATED);
                // Well before the header deadline (10 s) would have cut the slow clients off.
                assertThat(millis).isLessThan(rig.server.settings().headerDeadline().toMillis() - 2000);
                rig.client.logout(status.sessionHandle());
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aClientThatNeverFinishesItsHeadersIsCutOffAtTheDeadline() throws Exception {
        try (PscTestRig rig = new PscTestRig(ECpsSimulator.Mode.AUTO, SANDBOX)) {
            assertThat(rig.server.settings().headerDeadline()).isEqualTo(Duration.ofSeconds(10));
            assertThat(rig.server.settings().maxBodyBytes()).isEqualTo(ProxyHttpServer.MAX_BODY);
            try (SSLSocket socket = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", rig.server.port())) {
                socket.startHandshake();
                socket.getOutputStream().write("GET /health HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
                socket.setSoTimeout(20_000);
                long start = System.nanoTime();
                int read = socket.getInputStream().read();
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(read).isEqualTo(-1);
                assertThat(millis).isBetween(5_000L, 15_000L);
            } catch (java.net.SocketException closed) {
                // closed by the server: what is expected
            }
        }
    }

    @Test
    void aHundredCibaStartsForOneNationalIdMakeOnePushToTheECps() throws Exception {
        try (PscTestRig rig = new PscTestRig(ECpsSimulator.Mode.MANUAL, SANDBOX)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<CibaStarted>> starts = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    starts.add(pool.submit(() -> rig.client.startCiba(null, "899700000000")));
                }
                List<String> ids = new ArrayList<>();
                for (Future<CibaStarted> start : starts) {
                    ids.add(start.get(60, TimeUnit.SECONDS).requestId());
                }
                assertThat(ids).containsOnly(ids.get(0));
            } finally {
                pool.shutdownNow();
            }
            assertThat(pushesFor(rig, "899700000000")).isEqualTo(1);
            assertThat(rig.sandbox.pendingApprovals()).hasSize(1);

            // Once that request is over (here cancelled), a new start asks the e-CPS again.
            String first = rig.client.startCiba(null, "899700000000").requestId();
            rig.client.cancelCiba(first);
            assertThat(rig.client.startCiba(null, "899700000000").requestId()).isNotEqualTo(first);
            assertThat(pushesFor(rig, "899700000000")).isEqualTo(2);
        }
    }

    @Test
    void aWorkstationMayStartTenCibaRequestsAMinuteAndAnotherWorkstationCannotReuseOne() throws Exception {
        try (PscTestRig rig = new PscTestRig(ECpsSimulator.Mode.MANUAL, SANDBOX, ProxyLimits.defaults())) {
            AtomicInteger accepted = new AtomicInteger();
            List<ProxyException> refused = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                try {
                    rig.client.startCiba(null, "899700000000");
                    accepted.incrementAndGet();
                } catch (ProxyException e) {
                    refused.add(e);
                }
            }
            assertThat(accepted.get()).isEqualTo(10);
            assertThat(refused).hasSize(90).allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(429);
                assertThat(e.getMessage()).startsWith("Trop de demandes de connexion e-CPS depuis ce poste");
            });
            assertThat(pushesFor(rig, "899700000000")).isEqualTo(1);

            // Another workstation asking for the same doctor is refused, not given the request nor a new push.
            assertThatThrownBy(() -> rig.proxy.startCiba(new fr.opaline.psc.api.CibaStartRequest(null, "899700000000"),
                    "192.0.2.7")).isInstanceOfSatisfying(ProxyException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.getMessage()).contains("déjà en cours pour cet identifiant sur un autre poste");
                    });
            assertThat(pushesFor(rig, "899700000000")).isEqualTo(1);
        }
    }

    @Test
    void twoThousandBrowserStartsStayBoundedAndPlacesFreeAgainWhenTheyExpire() throws Exception {
        ProxyLimits limits = ProxyLimits.defaults().withCibaStartsPerMinute(10_000);
        MovableClock clock = new MovableClock();
        try (PscTestRig rig = new PscTestRig(ECpsSimulator.Mode.AUTO, SANDBOX, limits, clock)) {
            URI redirect = URI.create("http://127.0.0.1:49152/callback");
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long heapBefore = runtime.totalMemory() - runtime.freeMemory();
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger tooMany = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> all = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    all.add(pool.submit(() -> {
                        try {
                            rig.client.startBrowserLogin(null, redirect, null);
                            accepted.incrementAndGet();
                        } catch (ProxyException e) {
                            assertThat(e.status()).isEqualTo(503);
                            assertThat(e.getMessage()).startsWith("Trop de connexions en cours");
                            tooMany.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> f : all) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            System.gc();
            long heapAfter = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf("2000 browser starts: %d accepted, %d refused, %d held, heap %+d KiB%n", accepted.get(),
                    tooMany.get(), rig.proxy.pendingLogins(), (heapAfter - heapBefore) / 1024);

            assertThat(accepted.get()).isEqualTo(200);
            assertThat(tooMany.get()).isEqualTo(1800);
            assertThat(rig.proxy.pendingLogins()).isEqualTo(200);
            assertThatThrownBy(() -> rig.client.startCiba(null, "899700000000"))
                    .isInstanceOfSatisfying(ProxyException.class, e -> assertThat(e.status()).isEqualTo(503));

            // Each sign-in is given up after its time (5 minutes): places free again for a real sign-in.
            clock.ahead = limits.loginExpiry().plusSeconds(1);
            CibaStarted started = rig.client.startCiba(null, "899700000000");
            assertThat(rig.client.awaitCiba(started, s -> { }).state()).isEqualTo(LoginState.AUTHENTICATED);
            assertThat(rig.proxy.pendingLogins()).isLessThanOrEqualTo(200);
        }
    }

    /** The system clock, moved ahead by the test. */
    private static final class MovableClock extends java.time.Clock {
        volatile Duration ahead = Duration.ZERO;

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now().plus(ahead);
        }
    }

    @SuppressWarnings("unchecked")
    private static long pushesFor(PscTestRig rig, String nationalId) {
        var requests = (List<Map<String, Object>>) ((Map<String, Object>) rig.sandbox.inspect()).get("cibaRequests");
        return requests.stream().filter(r -> String.valueOf(r).contains(nationalId)).count();
    }

    private static SSLContext trustAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
