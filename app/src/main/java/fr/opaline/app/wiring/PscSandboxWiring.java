package fr.opaline.app.wiring;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.sandbox.psc.ECpsSimulator;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

/**
 * The sandbox Pro Santé Connect of {@code opaline sandbox} ({@code sandbox.psc.*}): port, e-CPS
 * approval mode (auto, deny, prompt, manual) and delay. Its client secret is kept across restarts
 * in the provider file the practice server reads.
 */
public final class PscSandboxWiring {

    private PscSandboxWiring() {
    }

    public static SandboxService create(OpalineConfig config, Path stateDirectory) {
        ECpsSimulator.Mode mode;
        try {
            mode = ECpsSimulator.Mode.parse(config.get("sandbox.psc.approval", "auto"));
        } catch (IllegalArgumentException e) {
            throw new fr.opaline.app.config.ConfigException("sandbox.psc.approval : " + e.getMessage());
        }
        return new SandboxOpenIdProvider(config.getInt("sandbox.psc.port", 0), stateDirectory,
                config.get("sandbox.psc.clientSecret").orElseGet(() -> previousSecret(stateDirectory)),
                new ECpsSimulator(mode, config.getDuration("sandbox.psc.approvalDelay", Duration.ofSeconds(3)),
                        System.out, System.in),
                SandboxOpenIdProvider.Settings.defaults(), Clock.systemUTC());
    }

    private static String previousSecret(Path stateDirectory) {
        Path file = stateDirectory.resolve(SandboxOpenIdProvider.PROVIDER_FILE);
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
                String secret = properties.getProperty("clientSecret");
                if (secret != null && !secret.isBlank()) {
                    return secret;
                }
            } catch (IOException e) {
                // a new secret is made below
            }
        }
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
