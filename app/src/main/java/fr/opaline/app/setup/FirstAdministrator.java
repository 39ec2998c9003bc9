package fr.opaline.app.setup;

import fr.opaline.app.wiring.AccountsWiring;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.user.AccountAdministration.TotpEnrolment;
import fr.opaline.core.user.UserAccount;
import fr.opaline.documents.barcode.QrCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code opaline setup} on a practice without an administrator: the first one, with the password
 * the person chooses (privileged policy) and a TOTP second factor, whose {@code otpauth://} URI is
 * printed, drawn as a QR code in the terminal (or written as a PNG file), and confirmed by a first
 * code when someone is at the keyboard. Nothing else is needed to sign in on the desktop.
 */
public final class FirstAdministrator {

    public static final Actor SETUP = Actor.system("opaline-setup");
    /** Beyond this width (in characters) the terminal drawing is not offered: a PNG file instead. */
    private static final int MAX_TERMINAL_WIDTH = 80;

    private final AccountsWiring accounts;
    private final PrintWriter out;

    public FirstAdministrator(AccountsWiring accounts, PrintWriter out) {
        this.accounts = accounts;
        this.out = out;
    }

    public boolean needed() {
        return !accounts.administration.hasAdministrator();
    }

    /**
     * Creates the administrator and starts the TOTP enrolment.
     *
     * @param png where to write the QR code, or null to draw it in the terminal when it fits
     * @param code asks for the first code (empty: nobody to answer; it is confirmed later with
     *             {@code opaline users totp-enrol LOGIN --code …} or the desktop)
     */
    public UserAccount create(String login, String displayName, char[] password, Path png,
                              Function<String, Optional<String>> code) throws IOException {
        UserAccount admin;
        try {
            admin = accounts.administration.createFirstAdministrator(SETUP, login, displayName, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        out.println("Administrateur créé : " + admin.login() + " (" + admin.displayName() + ").");
        TotpEnrolment enrolment = accounts.administration.enrolTotp(SETUP, admin.id());
        out.println();
        out.println("Second facteur : ajoutez ce compte à votre application d'authentification (FreeOTP, Google"
                + " Authenticator, Microsoft Authenticator…).");
        out.println("Adresse otpauth : " + enrolment.provisioningUri());
        out.println("Clé à saisir à la main : " + enrolment.secret());
        if (png == null && QrCodes.textWidth(enrolment.provisioningUri()) <= MAX_TERMINAL_WIDTH) {
            out.println(QrCodes.text(enrolment.provisioningUri(), true));
        } else {
            Path file = png != null ? png : Path.of("opaline-totp-" + admin.login() + ".png");
            writeOwnerOnly(file, QrCodes.png(enrolment.provisioningUri(), 8));
            out.println("QR code : " + file.toAbsolutePath() + " (à scanner puis à supprimer : il contient le secret).");
        }
        out.flush();
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<String> typed = code.apply("Premier code à 6 chiffres de l'application : ");
            if (typed.isEmpty()) {
                out.println("Second facteur en attente : confirmez-le avec « opaline users totp-enrol " + admin.login()
                        + " --code <6 chiffres> », ou activez-le depuis le poste après la connexion.");
                return admin;
            }
            try {
                accounts.administration.confirmTotp(SETUP, admin.id(), typed.get().strip());
                out.println("Second facteur activé : il sera demandé à chaque connexion.");
                return admin;
            } catch (BusinessRuleException e) {
                out.println(e.getMessage());
            }
        }
        out.println("Second facteur non confirmé : « opaline users totp-enrol " + admin.login()
                + " --code <6 chiffres> » le confirmera.");
        return admin;
    }

    private static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, bytes);
    }
}
