package fr.opaline.server.admin;

import fr.opaline.api.admin.CertificateStatus;
import fr.opaline.api.admin.ConfigurationView;
import fr.opaline.api.admin.ConfiguredEndpoint;
import fr.opaline.api.admin.ServiceSettings;
import fr.opaline.core.setup.CertificateInspector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the practice server's configuration says of the external services, built by the server's
 * wiring: the endpoints (with each national service's state), the certificate files and their
 * passwords (which never leave the server), and the ANS status page.
 *
 * @param clock    "now" for the certificates' validity (the system clock in production)
 * @param services each service's state and main settings, from the modules' settings records ({@link ServicesOverview})
 */
public record ServerConfiguration(List<ConfiguredEndpoint> endpoints, List<CertificateFile> certificates,
                                  String ansStatusUrl, Clock clock, List<ServiceSettings> services) {

    /** The default of {@code ui.ansStatusUrl}: the ANS's status page of its national services. */
    public static final String DEFAULT_ANS_STATUS_URL = "https://industriels.esante.gouv.fr/meteo-des-services";

    public ServerConfiguration {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        ansStatusUrl = ansStatusUrl == null || ansStatusUrl.isBlank() ? DEFAULT_ANS_STATUS_URL : ansStatusUrl.strip();
        Objects.requireNonNull(clock, "clock");
        services = services == null ? List.of() : List.copyOf(services);
    }

    public ServerConfiguration(List<ConfiguredEndpoint> endpoints, List<CertificateFile> certificates,
                               String ansStatusUrl, Clock clock) {
        this(endpoints, certificates, ansStatusUrl, clock, List.of());
    }

    /** The same configuration with each service's settings. */
    public ServerConfiguration withServices(List<ServiceSettings> serviceSettings) {
        return new ServerConfiguration(endpoints, certificates, ansStatusUrl, clock, serviceSettings);
    }

    /** Nothing configured (a server without external services). */
    public static ServerConfiguration none(Clock clock) {
        return new ServerConfiguration(List.of(), List.of(), null, clock);
    }

    /**
     * A configured PKCS#12 certificate file and its password (never shown, never sent).
     *
     * @param usage what it is for ("DMP", "INSi", "BAL applicative MSSanté"…)
     * @param key   the configuration key it comes from
     */
    public record CertificateFile(String usage, String key, Path file, char[] password) {
        public CertificateFile {
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(file, "file");
            password = password == null ? new char[0] : password.clone();
        }

        @Override
        public char[] password() {
            return password.clone();
        }

        @Override
        public String toString() {
            return "CertificateFile[" + usage + ", " + key + "=" + file + ", mot de passe masqué]";
        }
    }

    /** The endpoints, and each certificate as {@link CertificateInspector} sees it now (reads the files). */
    public ConfigurationView view() {
        return new ConfigurationView(endpoints, certificateStatuses(), ansStatusUrl, services);
    }

    List<CertificateStatus> certificateStatuses() {
        CertificateInspector inspector = new CertificateInspector(clock);
        Instant now = clock.instant();
        List<CertificateStatus> statuses = new ArrayList<>();
        for (CertificateFile file : certificates) {
            char[] password = file.password();
            try {
                CertificateInspector.Summary summary = inspector.inspect(file.file(), password);
                Duration left = Duration.between(now, summary.notAfter());
                statuses.add(new CertificateStatus(file.usage(), file.key(), file.file().toString(), summary.subject(),
                        summary.issuer(), summary.notAfter(), left.toDays(),
                        left.compareTo(CertificateInspector.RENEWAL_WARNING) < 0 ? CertificateStatus.Level.WARNING
                                : CertificateStatus.Level.OK,
                        String.join(" ; ", summary.warnings())));
            } catch (IllegalArgumentException unusable) {
                // Expired, not yet valid, wrong password, missing file: the inspector says which, in French.
                statuses.add(new CertificateStatus(file.usage(), file.key(), file.file().toString(), null, null, null,
                        null, CertificateStatus.Level.ERROR, unusable.getMessage()));
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
        return statuses;
    }
}
