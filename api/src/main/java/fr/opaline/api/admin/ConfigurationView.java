package fr.opaline.api.admin;

import java.util.List;

/**
 * What the server's configuration says of the external services, read (never changed) by the
 * Administration screen.
 *
 * @param ansStatusUrl the ANS service status page (« Météo des services », {@code ui.ansStatusUrl})
 */
public record ConfigurationView(List<ConfiguredEndpoint> endpoints, List<CertificateStatus> certificates,
                                String ansStatusUrl) {
    public ConfigurationView {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }
}
