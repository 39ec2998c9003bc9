package fr.opaline.ui.testing;

import fr.opaline.core.common.Actor;
import fr.opaline.core.user.AccountAdministration;
import fr.opaline.core.user.AccountSecurity;
import fr.opaline.core.user.LocalAuthentication;
import fr.opaline.core.user.PasswordHasher;
import fr.opaline.core.user.PasswordPolicy;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.ins.trust.TrustedCorrespondents;
import fr.opaline.mss.mailbox.Mailboxes;
import fr.opaline.api.admin.ConfiguredEndpoint;
import fr.opaline.server.admin.ServerConfiguration;
import fr.opaline.server.admin.ServerConfiguration.CertificateFile;
import fr.opaline.ui.DesktopContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Administration screen over a {@link DesktopFixture}'s practice server: an administrator
 * {@code admin}, the account services with a cheap Argon2 cost (to check what the screen did), and
 * the server's configuration: two endpoints and certificate files made by the JDK's keytool (a peer
 * nobody here wrote), valid from today's real date: their validity is read on the system clock.
 */
public final class AdministrationFixture {

    public static final String CERTIFICATE_PASSWORD = "motdepasse-Secret1";
    public static final String ANS_URL = "https://meteo.example.test/ans";

    public final DesktopFixture desk;
    public final UserAccount administrator;
    public final Actor actor;
    public final AccountSecurity security;
    public final LocalAuthentication authentication;
    public final AccountAdministration accounts;
    public final TrustedCorrespondents correspondents;
    public final Mailboxes mailboxes;
    private final List<CertificateFile> certificates = new ArrayList<>();

    public AdministrationFixture(DesktopFixture desk) {
        this.desk = desk;
        administrator = desk.core.user("admin", Role.ADMINISTRATEUR, null);
        actor = Actor.user(administrator.id(), administrator.login());
        security = new AccountSecurity(PasswordPolicy.privilegedDefault(), PasswordPolicy.standardDefault(),
                new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1)));
        authentication = new LocalAuthentication(desk.db.database(), desk.core.audit, desk.core.clock, security);
        accounts = new AccountAdministration(desk.db.database(), desk.core.audit, desk.core.ids, desk.core.clock,
                security);
        correspondents = new TrustedCorrespondents(desk.db.database(), desk.core.audit, desk.core.ids, desk.core.clock);
        mailboxes = new Mailboxes(desk.db.database(), desk.core.audit, desk.core.ids, desk.core.clock);
        desk.serverConfiguration = this::configuration;
    }

    /** A PKCS#12 made by keytool, valid from {@code startDays} (keytool's {@code -startdate}) for {@code days}. */
    public Path certificate(Path dir, String usage, String key, String name, int startDays, int days)
            throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".p12");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass",
                CERTIFICATE_PASSWORD, "-keypass", CERTIFICATE_PASSWORD, "-alias", name, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=" + name + ",O=Cabinet test,C=FR", "-validity", Integer.toString(days),
                "-ext", "KeyUsage=digitalSignature", "-ext", "ExtendedKeyUsage=clientAuth"));
        if (startDays != 0) {
            command.addAll(List.of("-startdate", (startDays > 0 ? "+" : "") + startDays + "d"));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(file)) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        certificates.add(new CertificateFile(usage, key, file, CERTIFICATE_PASSWORD.toCharArray()));
        return file;
    }

    /** The practice server's configuration as its wiring would read it: DMP on, INSi switched off. */
    public ServerConfiguration configuration() {
        return new ServerConfiguration(
                List.of(new ConfiguredEndpoint("DMP", "dmp.url", "https://dmp.example.test/si-dmp-server/v2/services",
                                "actif"),
                        new ConfiguredEndpoint("INSi", "insi.url", null, "désactivé")),
                certificates, ANS_URL, Clock.system(ZoneId.of("Europe/Paris")));
    }

    /** The administrators' screen's gateway, through the practice server, signed in as the administrator. */
    public fr.opaline.ui.admin.AdministrationGateway gateway() {
        return new fr.opaline.ui.admin.AdministrationGateway(desk.signedInClient(administrator));
    }

    /** The desktop in demonstration mode (the Administration section goes through the practice server). */
    public DesktopContext context() {
        return desk.context();
    }
}
