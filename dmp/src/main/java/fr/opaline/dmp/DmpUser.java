package fr.opaline.dmp;

import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.user.AuthenticatedSession;
import fr.opaline.core.user.AuthenticationMethod;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.dmp.vihf.AccessAuthentication;
import fr.opaline.dmp.vihf.PurposeOfUse;
import fr.opaline.dmp.vihf.VihfSubject;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A user of a workstation as the DMP sees them: their account (RPPS, profession), how they logged
 * in, and for Pro Santé Connect how to get their current access token (from the token vault).
 *
 * @param authentication the DMP access mode the login allows, or null when it allows none (a
 *                       password without second factor, a non-PSC identity provider)
 */
public record DmpUser(UserAccount account, AccessAuthentication authentication, Supplier<String> pscAccessToken) {

    public DmpUser {
        Objects.requireNonNull(account, "account");
    }

    /**
     * From a workstation session: TOTP second factor → AIR simplifié; PSC (CIBA, or browser login
     * through the provider {@code psc}) → Pro Santé Connect; anything else → no DMP access.
     *
     * @param pscProvider the identity provider of a browser login ("psc" for Pro Santé Connect), or null
     */
    public static DmpUser of(AuthenticatedSession session, String pscProvider, Supplier<String> pscAccessToken) {
        AccessAuthentication mode = null;
        if (session.method() == AuthenticationMethod.LOCAL_PASSWORD_TOTP) {
            mode = AccessAuthentication.AIR_SIMPLIFIE;
        } else if (session.method() == AuthenticationMethod.PSC_CIBA
                || session.method() == AuthenticationMethod.OIDC_BROWSER && "psc".equals(pscProvider)) {
            mode = AccessAuthentication.PRO_SANTE_CONNECT;
        }
        return new DmpUser(session.user(), mode, mode == AccessAuthentication.PRO_SANTE_CONNECT ? pscAccessToken : null);
    }

    /** A health professional (RPPS) who may be named in a VIHF. */
    public boolean professional() {
        return account.rpps() != null && account.rpps().matches("\\d{11}")
                && (account.role() == Role.RADIOLOGUE || account.role() == Role.MANIPULATEUR);
    }

    public boolean stronglyAuthenticated() {
        return authentication != null && authentication.interactive();
    }

    /** TRE_G15 profession: the account's, else from the role (médecin 10, manipulateur ERM 98). */
    public String professionCode() {
        return professionOf(account);
    }

    public static String professionOf(UserAccount account) {
        if (account.professionCode() != null && !account.professionCode().isBlank()) {
            return account.professionCode();
        }
        return account.role() == Role.MANIPULATEUR ? "98" : "10";
    }

    public static String professionLabel(String code) {
        return switch (code) {
            case "10" -> "Médecin";
            case "98" -> "Manipulateur ERM";
            default -> "Professionnel de santé";
        };
    }

    /** The VIHF subject of this user for a consultation of the patient's DMP. */
    public VihfSubject subject(InsNumber patient, PurposeOfUse purpose) {
        String profession = professionCode();
        return new VihfSubject("8" + account.rpps(), account.displayName(), profession, professionLabel(profession),
                account.specialtyCode(), account.specialtyCode(), authentication, purpose, patient,
                pscAccessToken == null ? null : pscAccessToken.get());
    }
}
