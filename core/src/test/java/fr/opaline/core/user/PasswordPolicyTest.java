package fr.opaline.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SC.SSI/IAM.83: length, character classes and expiry for privileged accounts. */
class PasswordPolicyTest {

    private final PasswordPolicy privileged = PasswordPolicy.privilegedDefault();
    private final PasswordPolicy standard = PasswordPolicy.standardDefault();

    @Test
    void privilegedPasswordsNeedTwelveCharactersOfThreeClasses() {
        assertThat(privileged.problems("dr.lambert", "Court-1".toCharArray()))
                .containsExactly("comporter au moins 12 caractères");
        assertThat(privileged.problems("dr.lambert", "toutenminuscules".toCharArray()))
                .containsExactly("mêler au moins 3 types de caractères (minuscules, majuscules, chiffres, symboles)");
        assertThat(privileged.problems("dr.lambert", "Irm-Genou-2026".toCharArray())).isEmpty();
        assertThat(privileged.problems("dr.lambert", "Éléphant-rose-9".toCharArray())).isEmpty();
    }

    @Test
    void thePasswordMustNotContainTheLogin() {
        assertThat(privileged.problems("lambert", "Mot-LAMBERT-2026".toCharArray()))
                .containsExactly("ne pas contenir l'identifiant");
    }

    @Test
    void standardAccountsHaveAShorterMinimumAndNoExpiry() {
        assertThat(standard.problems("accueil", "Accueil".toCharArray())).hasSize(2);
        assertThat(standard.problems("secretariat", "rdv2026!".toCharArray())).isEmpty();
        assertThat(standard.expiresAt(Instant.parse("2026-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void privilegedPasswordsExpireAfterTheirMaximumAge() {
        Instant changed = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(privileged.expiresAt(changed)).contains(changed.plus(Duration.ofDays(180)));
    }

    @Test
    void overlongPasswordsAreRefused() {
        assertThat(privileged.problems("x", ("Aa1-" + "a".repeat(200)).toCharArray()))
                .containsExactly("comporter au plus 128 caractères");
    }
}
