package fr.opaline.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.user.AuthenticationException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A user turns on their own TOTP second factor; a temporary password is then changed with the code. */
class OwnSecondFactorTest {

    private static final String PASSWORD = "Irm-Genou-2026";

    @Test
    void theUserEnrolsConfirmsAndCannotSwapAnActiveFactor() throws Exception {
        try (var db = TestDatabases.h2()) {
            AccountsFixture f = new AccountsFixture(new CoreFixture(db.database()));
            UserAccount user = f.account("accueil.durand", Role.SECRETAIRE, null, PASSWORD);
            assertThat(f.authentication.hasSecondFactor(user.id())).isFalse();

            var enrolment = f.authentication.enrolOwnTotp(user);
            assertThat(enrolment.provisioningUri()).startsWith("otpauth://totp/Opaline:accueil.durand?secret="
                    + enrolment.secret());
            assertThatThrownBy(() -> f.authentication.confirmOwnTotp(user, "12ab"))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("6 chiffres");
            f.authentication.confirmOwnTotp(user, Totp.code(enrolment.secret(), Totp.step(f.core.clock.instant())));
            assertThat(f.authentication.hasSecondFactor(user.id())).isTrue();

            assertThatThrownBy(() -> f.authentication.enrolOwnTotp(user)).isInstanceOf(BusinessRuleException.class)
                    .hasMessageContaining("administrateur");
            f.core.clock.advance(Duration.ofSeconds(30));
            assertThat(f.authentication.login("accueil.durand", PASSWORD.toCharArray(),
                    Totp.code(enrolment.secret(), Totp.step(f.core.clock.instant()))).method())
                    .isEqualTo(AuthenticationMethod.LOCAL_PASSWORD_TOTP);
        }
    }

    @Test
    void theCodeThatLedToChooseAPasswordIsPresentedAgainWithTheNewOne() throws Exception {
        try (var db = TestDatabases.h2()) {
            AccountsFixture f = new AccountsFixture(new CoreFixture(db.database()));
            UserAccount user = f.account("accueil.durand", Role.SECRETAIRE, null, PASSWORD);
            var enrolment = f.authentication.enrolOwnTotp(user);
            f.authentication.confirmOwnTotp(user, Totp.code(enrolment.secret(), Totp.step(f.core.clock.instant())));
            f.administration.resetPassword(AccountsFixture.ADMIN_PROCESS, user.id(), "Provisoire-2026!".toCharArray());
            f.core.clock.advance(Duration.ofSeconds(30));
            String code = Totp.code(enrolment.secret(), Totp.step(f.core.clock.instant()));

            assertThatThrownBy(() -> f.authentication.login("accueil.durand", "Provisoire-2026!".toCharArray(), code))
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.PASSWORD_CHANGE_REQUIRED));
            AuthenticatedSession session = f.authentication.changePassword("accueil.durand",
                    "Provisoire-2026!".toCharArray(), "Cabinet-Radio-2026!".toCharArray(), code);
            assertThat(session.method()).isEqualTo(AuthenticationMethod.LOCAL_PASSWORD_TOTP);
            // Spent by the change: not accepted a second time.
            assertThatThrownBy(() -> f.authentication.login("accueil.durand", "Cabinet-Radio-2026!".toCharArray(), code))
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOTP_INVALID));
        }
    }
}
