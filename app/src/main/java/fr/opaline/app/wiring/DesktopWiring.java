package fr.opaline.app.wiring;

import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.ins.trust.TrustedCorrespondents;
import fr.opaline.mss.mailbox.Mailboxes;
import fr.opaline.ui.AdministrationServices;
import fr.opaline.ui.AdministrationServices.CertificateFile;
import fr.opaline.ui.AdministrationServices.Endpoint;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.DesktopServices;
import fr.opaline.ui.RecordServices;
import fr.opaline.ui.ReportingServices;
import fr.opaline.ui.session.AuthenticationPort;
import fr.opaline.ui.session.DemoSignIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The desktop's wiring: core services, how users sign in, and the workstation preferences read
 * from the configuration ({@code ui.language}, {@code ui.idleLock}, {@code ui.worklistRefresh}), the
 * report editor's services and the administrators' ({@code ui.ansStatusUrl}).
 */
public final class DesktopWiring {

    private DesktopWiring() {
    }

    /**
     * @param demo whether this is {@code opaline demo}: the only case where the fictitious-account
     *             picker exists
     */
    public static DesktopContext context(CoreServices core, String version, AuthenticationPort authentication,
                                         boolean demo) {
        return context(core, version, authentication, demo, null);
    }

    /**
     * The desktop going through the practice server's API: sign-in (local accounts, Pro Santé
     * Connect, the demonstration picker), agenda and booking, patient search and record; the other
     * screens still on this process's services until they move to the API.
     *
     * @param api the connection to the practice server (in this process or on the LAN); null: none
     */
    public static DesktopContext context(CoreServices core, String version, AuthenticationPort authentication,
                                         boolean demo, fr.opaline.api.client.ApiClient api) {
        String language = core.config.get("ui.language", "fr");
        if (!language.equals("fr") && !language.equals("en")) {
            throw new IllegalArgumentException("ui.language : « fr » ou « en » attendu, pas « " + language + " »");
        }
        DesktopServices services = new DesktopServices(core.database, core.patients, core.booking, core.clock,
                core.profile.name() == null ? "Opaline" : core.profile.name(),
                describe(core.database.settings()), recordServices(core)).withOutbox(core.outbox).withApi(api).withAudit(core.audit);
        return new DesktopContext(version, services, api == null ? authentication
                : new fr.opaline.ui.session.ApiSignIn(api, authentication instanceof fr.opaline.ui.session.ProxySignIn psc
                        ? psc : null),
                demo ? new DemoSignIn(core.database, core.audit, core.clock, api) : null,
                Locale.forLanguageTag(language),
                core.config.getDuration("ui.idleLock", Duration.ofMinutes(10)),
                core.config.getDuration("ui.worklistRefresh", Duration.ofSeconds(15)))
                .withReporting(reportingServices(core))
                .withAdministration(administrationServices(core));
    }

    /**
     * The Administration section: the account services with this practice's password policies,
     * the trust contracts, the MSSanté mailboxes, and what the configuration says of the external
     * services (addresses, certificate files; read, never changed, by the screen).
     */
    static AdministrationServices administrationServices(CoreServices core) {
        AccountsWiring accounts = new AccountsWiring(core);
        Function<String, String> mss = mssSettings(core.config);
        return new AdministrationServices(accounts.administration, accounts.review,
                new TrustedCorrespondents(core.database, core.audit, core.ids, core.clock),
                new Mailboxes(core.database, core.audit, core.ids, core.clock), core.catalogue, core.clock,
                endpoints(core.config, mss), certificates(core.config, mss),
                core.config.get("ui.ansStatusUrl", AdministrationServices.DEFAULT_ANS_STATUS_URL));
    }

    static List<Endpoint> endpoints(fr.opaline.app.config.OpalineConfig config, Function<String, String> mss) {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("DMP", "dmp.url", config.get("dmp.url").orElse(null)));
        endpoints.add(new Endpoint("INSi", "insi.url", config.get("insi.url").orElse(null)));
        endpoints.add(new Endpoint("Pro Santé Connect (proxy e-santé)", "psc.proxy.url",
                config.get("psc.proxy.url", "https://127.0.0.1:8443/")));
        endpoints.add(new Endpoint("Pro Santé Connect (fournisseur)", "psc.provider.psc.discovery",
                config.get("psc.provider.psc.discovery").orElse(null)));
        endpoints.add(new Endpoint("MSSanté SMTP", "mss.smtp", mss.apply("smtp")));
        endpoints.add(new Endpoint("MSSanté IMAP", "mss.imap", mss.apply("imap")));
        endpoints.add(new Endpoint("Annuaire MSSanté", "mss.directory.url", mss.apply("directory.url")));
        endpoints.add(new Endpoint("DRIMbox source (MLLP)", "drimbox.source.host", hostPort(config, "drimbox.source")));
        endpoints.add(new Endpoint("DRIMbox conso", "drimbox.conso.url", config.get("drimbox.conso.url").orElse(null)));
        endpoints.add(new Endpoint("Visionneuse DRIMbox", "drimbox.viewerUrl",
                config.get("drimbox.viewerUrl").orElse(null)));
        endpoints.add(new Endpoint("HL7 téléradiologie (MLLP)", "hl7.teleradiology.host",
                hostPort(config, "hl7.teleradiology")));
        endpoints.add(new Endpoint("HL7 écoute (MLLP)", "hl7.listener.port", config.get("hl7.listener.port")
                .map(port -> config.get("hl7.listener.bind", "0.0.0.0") + ":" + port).orElse(null)));
        return endpoints;
    }

    static List<CertificateFile> certificates(fr.opaline.app.config.OpalineConfig config,
                                              Function<String, String> mss) {
        List<CertificateFile> files = new ArrayList<>();
        certificate(files, "DMP", "dmp.keystore", config.get("dmp.keystore").orElse(null),
                config.get("dmp.keystore.password", ""));
        certificate(files, "INSi", "insi.keystore", config.get("insi.keystore").orElse(null),
                config.get("insi.keystore.password", ""));
        certificate(files, "BAL applicative MSSanté", "mss.applicative.keystore",
                mss.apply("applicative.keystore"), orEmpty(mss.apply("applicative.keystorePassword")));
        certificate(files, "HL7 écoute (TLS)", "hl7.listener.tls.keystore",
                config.get("hl7.listener.tls.keystore").orElse(null), config.get("hl7.listener.tls.password", ""));
        certificate(files, "HL7 téléradiologie (TLS)", "hl7.teleradiology.tls.keystore",
                config.get("hl7.teleradiology.tls.keystore").orElse(null),
                config.get("hl7.teleradiology.tls.password", ""));
        certificate(files, "DRIMbox source (TLS)", "drimbox.source.tls.keystore",
                config.get("drimbox.source.tls.keystore").orElse(null), config.get("drimbox.source.tls.password", ""));
        return files;
    }

    private static void certificate(List<CertificateFile> files, String usage, String key, String file,
                                    String password) {
        if (file != null && !file.isBlank()) {
            files.add(new CertificateFile(usage, key, Path.of(file.strip()), password.toCharArray()));
        }
    }

    private static String hostPort(fr.opaline.app.config.OpalineConfig config, String prefix) {
        return config.get(prefix + ".host").map(host -> host + config.get(prefix + ".port").map(p -> ":" + p).orElse(""))
                .orElse(null);
    }

    /**
     * The MSSanté settings as the MSSanté wiring reads them; only {@code mss.<key>} when the
     * operator file cannot be read (the screen then shows "non configuré", the server refuses to start).
     */
    private static Function<String, String> mssSettings(fr.opaline.app.config.OpalineConfig config) {
        try {
            return MssWiring.settings(config);
        } catch (fr.opaline.app.config.ConfigException e) {
            return key -> config.get("mss." + key).orElse(null);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * The report editor's services: the report service with the publication listeners of this
     * practice (documents, DMP, DRIMbox, MSSanté put their jobs in the outbox when a CR is
     * validated; the practice server's worker sends them) and the outbox for the send status.
     */
    static ReportingServices reportingServices(CoreServices core) {
        ReportWiring wiring = new ReportWiring(core);
        return new ReportingServices(wiring.reports, wiring.loader, core.outbox);
    }

    /**
     * INSi (answers "non configuré" without {@code insi.url}), DMP consent and DICA, and the DMP
     * consultation (only with {@code dmp.url}) for the patient record.
     */
    static RecordServices recordServices(CoreServices core) {
        DmpWiring.DmpServices dmp = DmpWiring.dmpServices(core);
        return new RecordServices(InsWiring.insServices(core).lookup())
                .withDmp(dmp.consent(), dmp.dica(), dmp.consultation());
    }

    /** "H2 locale" or "PostgreSQL host:port/base", never the credentials. */
    static String describe(DatabaseSettings settings) {
        if (settings.isH2()) {
            return "H2 locale";
        }
        String url = settings.jdbcUrl();
        String rest = url.startsWith("jdbc:postgresql://") ? url.substring("jdbc:postgresql://".length())
                : url.substring("jdbc:postgresql:".length());
        int query = rest.indexOf('?');
        return "PostgreSQL " + (query < 0 ? rest : rest.substring(0, query));
    }
}
