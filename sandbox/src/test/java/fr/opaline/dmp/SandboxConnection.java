package fr.opaline.dmp;

import fr.opaline.dmp.client.DmpClient;
import fr.opaline.dmp.client.DmpEndpoints;
import fr.opaline.dmp.client.HttpDmpTransport;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.sandbox.pki.SandboxPki;
import fr.opaline.dmp.tls.PracticeCredentials;
import fr.opaline.dmp.vihf.VihfSigner;
import fr.opaline.dmp.vihf.VihfStructure;
import fr.opaline.dmp.xds.ProvideAndRegisterRequest;
import fr.opaline.dmp.xds.XdsVocabulary;
import java.time.Clock;
import java.time.Duration;

/**
 * A sandbox DMP on a free loopback port with a test PKI made now, and a client that reaches it
 * over mutual TLS with the practice certificate of that PKI. Close it after the test.
 */
public final class SandboxConnection implements AutoCloseable {

    public static final String FINESS = "690000001";
    public static final String STRUCTURE_ID = "1" + FINESS;

    public final SandboxPki pki;
    public final DmpSandbox sandbox;
    public final PracticeCredentials credentials;
    /** The structure's signature certificate (cachet), apart from the TLS one. */
    public final PracticeCredentials signature;
    public final DmpClient client;

    public SandboxConnection(Clock clock) throws Exception {
        this(clock, DmpSandbox.pki(STRUCTURE_ID));
    }

    public SandboxConnection(Clock clock, SandboxPki pki) throws Exception {
        this.pki = pki;
        this.sandbox = new DmpSandbox(0, pki, null, clock, false);
        sandbox.start();
        char[] password = SandboxPki.PASSWORD.toCharArray();
        this.credentials = PracticeCredentials.of(pki.practiceKeyStore(), password, pki.trustStore());
        this.signature = PracticeCredentials.of(pki.practiceSignatureKeyStore(), password, null);
        this.client = client(credentials, clock, Duration.ofSeconds(10));
    }

    public DmpClient client(PracticeCredentials with, Clock clock, Duration timeout) throws Exception {
        return client(with, signature, clock, timeout);
    }

    /** A client with {@code tls} on the channel and {@code signing} on the VIHF and the submissions. */
    public DmpClient client(PracticeCredentials tls, PracticeCredentials signing, Clock clock, Duration timeout)
            throws Exception {
        VihfSigner signer = new VihfSigner(signing.key(), signing.certificate(), structure());
        return new DmpClient(new DmpEndpoints(sandbox.endpoint()),
                new HttpDmpTransport(tls.clientContext(), Duration.ofSeconds(2), timeout, 64L * 1024 * 1024), signer,
                new DmpClient.Source("1.2.3.4.5.8", "Opaline",
                        new ProvideAndRegisterRequest.Source("1.2.3.4.5", XdsVocabulary.CONTENT_TYPE_EXTERNAL_CARE)),
                clock);
    }

    public static VihfStructure structure() {
        return new VihfStructure(STRUCTURE_ID, "SA08^1.2.250.1.71.4.2.4", "opaline-test", "Opaline", "0.1", "OPALINE-BAS");
    }

    @Override
    public void close() {
        sandbox.stop(Duration.ZERO);
    }
}
