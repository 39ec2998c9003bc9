package fr.opaline.api.admin;

import java.util.List;

/**
 * What the server's configuration says of the external services, read (never changed) by the
 * Administration screen.
 *
 * @param ansStatusUrl the ANS service status page (« Météo des services », {@code ui.ansStatusUrl})
 * @param services     each service's state and main settings, from the modules' settings records
 */
public record ConfigurationView(List<ConfiguredEndpoint> endpoints, List<CertificateStatus> certificates,
                                String ansStatusUrl, List<ServiceSettings> services) {
    public ConfigurationView {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        services = services == null ? List.of() : List.copyOf(services);
    }

    public ConfigurationView(List<ConfiguredEndpoint> endpoints, List<CertificateStatus> certificates,
                             String ansStatusUrl) {
        this(endpoints, certificates, ansStatusUrl, List.of());
    }
}
