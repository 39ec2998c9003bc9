package fr.opaline.ui;

import fr.opaline.core.catalogue.CatalogueService;
import fr.opaline.core.user.AccountAdministration;
import fr.opaline.core.user.AccountReview;
import fr.opaline.ins.trust.TrustedCorrespondents;
import fr.opaline.mss.mailbox.Mailboxes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What the administrators' screen needs, wired by {@code app}: the account services, the trust
 * contracts, the MSSanté mailboxes, the rooms and exam catalogue (core's rules and audit), and a
 * read-only view of the configuration: the endpoints and the certificate files.
 * Blocking: reached through {@link fr.opaline.ui.concurrent.Background} only.
 *
 * @param clock         "now" for the certificates' validity (the system clock in production)
 * @param ansStatusUrl  the ANS service status page (« Météo des services », {@code ui.ansStatusUrl})
 */
public record AdministrationServices(AccountAdministration accounts, AccountReview review,
                                     TrustedCorrespondents correspondents, Mailboxes mailboxes,
                                     CatalogueService catalogue, Clock clock, List<Endpoint> endpoints,
                                     List<CertificateFile> certificates, String ansStatusUrl) {

    /** The default of {@code ui.ansStatusUrl}: the ANS's status page of its national services. */
    public static final String DEFAULT_ANS_STATUS_URL = "https://industriels.esante.gouv.fr/meteo-des-services";

    public AdministrationServices {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(correspondents, "correspondents");
        Objects.requireNonNull(mailboxes, "mailboxes");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(clock, "clock");
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        ansStatusUrl = ansStatusUrl == null || ansStatusUrl.isBlank() ? DEFAULT_ANS_STATUS_URL : ansStatusUrl.strip();
    }

    /**
     * A configured address of an external service.
     *
     * @param service the service as the administrator names it ("DMP", "INSi", "MSSanté SMTP"…)
     * @param key     the configuration key it comes from
     * @param address the configured value; null when not configured
     */
    public record Endpoint(String service, String key, String address) {
        public Endpoint {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * A configured PKCS#12 certificate file and its password (never shown).
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
}
