package fr.opaline.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import fr.opaline.core.user.AuthenticationException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SC.SSI/IAM.83, IAM.91, IE.36/38/39: local login, lockout, expiry, TOTP, and their audit trail. */
class LocalAuthenticationTest {

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static final String PASSWORD = "Irm-Genou-2026";

    private static void with(Kind kind, Consumer<AccountsFixture> test) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            test.accept(new AccountsFixture(new CoreFixture(db.database())));
        }
    }

    private static void refused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static List<String> actions(AccountsFixture f) {
        return f.core.audit.latest(100).stream().map(AuditEvent::action).toList();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void rightPasswordOpensASessionAndIsAudited(Kind kind) throws Exception {
        with(kind, f -> {
            UserAccount lambert = f.account("dr.lambert", Role.RADIOLOGUE, "99700000000", PASSWORD);

            AuthenticatedSession session = f.authentication.login("dr.lambert", PASSWORD.toCharArray(), null);

            assertThat(session.user().id()).isEqualTo(lambert.id());
            assertThat(session.method()).isEqualTo(AuthenticationMethod.LOCAL_PASSWORD);
            assertThat(session.method().strong()).isFalse();
            assertThat(session.passwordExpiresAt()).isEqualTo(f.core.clock.instant().plus(Duration.ofDays(180)));
            AuditEvent last = f.core.audit.latest(1).get(0);
            assertThat(last.action()).isEqualTo(AuditAction.LOGIN);
            assertThat(last.actorId()).isEqualTo(lambert.id());
            assertThat(last.detail()).doesNotContain(PASSWORD);
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void privilegedAccountLocksAfterFiveFailuresThenUnlocksAfterFifteenMinutes(Kind kind) throws Exception {
        with(kind, f -> {
            f.account("admin", Role.ADMINISTRATEUR, null, PASSWORD);
            for (int i = 1; i <= 4; i++) {
                refused(() -> f.authentication.login("admin", "Mauvais-mot-2026".toCharArray(), null), Reason.BAD_CREDENTIALS);
            }
            assertThatThrownBy(() -> f.authentication.login("admin", "Mauvais-mot-2026".toCharArray(), null))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.LOCKED);
                        assertThat(e.lockedUntil()).isEqualTo(f.core.clock.instant().plus(Duration.ofMinutes(15)));
                        assertThat(e.getMessage()).startsWith("Compte verrouillé");
                    });
            assertThat(actions(f)).contains(AuditAction.ACCOUNT_LOCKED);

            // The right password does not open a locked account.
            refused(() -> f.authentication.login("admin", PASSWORD.toCharArray(), null), Reason.LOCKED);

            f.core.clock.advance(Duration.ofMinutes(15));
            assertThat(f.authentication.login("admin", PASSWORD.toCharArray(), null).user().login()).isEqualTo("admin");
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSuccessResetsTheFailureCountAndStandardAccountsTolerateMoreFailures(Kind kind) throws Exception {
        with(kind, f -> {
            f.account("accueil", Role.SECRETAIRE, null, "rdv-2026!");
            for (int i = 0; i < 9; i++) {
                refused(() -> f.authentication.login("accueil", "faux".toCharArray(), null), Reason.BAD_CREDENTIALS);
            }
            f.authentication.login("accueil", "rdv-2026!".toCharArray(), null);
            for (int i = 0; i < 9; i++) {
                refused(() -> f.authentication.login("accueil", "faux".toCharArray(), null), Reason.BAD_CREDENTIALS);
            }
            refused(() -> f.authentication.login("accueil", "faux".toCharArray(), null), Reason.LOCKED);
            f.administration.unlock(AccountsFixture.ADMIN_PROCESS,
                    f.review.list().stream().filter(a -> a.user().login().equals("accueil")).findFirst().orElseThrow().user().id());
            assertThat(f.authentication.login("accueil", "rdv-2026!".toCharArray(), null)).isNotNull();
            assertThat(actions(f)).contains(AuditAction.ACCOUNT_UNLOCKED);
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void unknownLoginAndPscOnlyAccountsGiveTheSameAnswerAndAreAudited(Kind kind) throws Exception {
        with(kind, f -> {
            f.administration.create(AccountsFixture.ADMIN_PROCESS, new AccountAdministration.NewAccount("dr.okafor",
                    "Dr Okafor", Role.RADIOLOGUE, "99700000001", "10", null), null);

            assertThatThrownBy(() -> f.authentication.login("personne", "x".toCharArray(), null))
                    .hasMessage("Identifiant ou mot de passe incorrect.");
            assertThatThrownBy(() -> f.authentication.login("dr.okafor", "x".toCharArray(), null))
                    .hasMessage("Identifiant ou mot de passe incorrect.");
            List<AuditEvent> events = f.core.audit.latest(2);
            assertThat(events).extracting(AuditEvent::action).containsOnly(AuditAction.LOGIN_FAILED);
            assertThat(events.get(1).actorLogin()).isEqualTo("personne");
            assertThat(events.get(1).detail()).contains("identifiant inconnu");
            assertThat(events.get(0).detail()).contains("Pro Santé Connect uniquement");
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void totpIsRequiredOnceConfirmedAndRefusesWrongAndReplayedCodes(Kind kind) throws Exception {
        with(kind, f -> {
            UserAccount user = f.account("dr.lefevre", Role.RADIOLOGUE, "99700000002", PASSWORD);
            AccountAdministration.TotpEnrolment enrolment = f.administration.enrolTotp(Actor.user(user.id(), user.login()), user.id());
            // Not yet confirmed: the password alone still works.
            f.authentication.login("dr.lefevre", PASSWORD.toCharArray(), null);
            assertThatThrownBy(() -> f.administration.confirmTotp(Actor.user(user.id(), user.login()), user.id(), "000000"))
                    .isInstanceOf(BusinessRuleException.class);
            String code = Totp.code(enrolment.secret(), Totp.step(f.core.clock.instant()));
            f.administration.confirmTotp(Actor.user(user.id(), user.login()), user.id(), code);

            refused(() -> f.authentication.login("dr.lefevre", PASSWORD.toCharArray(), null), Reason.TOTP_REQUIRED);
            // The confirmation consumed that code.
            refused(() -> f.authentication.login("dr.lefevre", PASSWORD.toCharArray(), code), Reason.TOTP_INVALID);

            f.core.clock.advance(Duration.ofSeconds(30));
            String next = Totp.code(enrolment.secret(), Totp.step(f.core.clock.instant()));
            AuthenticatedSession session = f.authentication.login("dr.lefevre", PASSWORD.toCharArray(), next);
            assertThat(session.method()).isEqualTo(AuthenticationMethod.LOCAL_PASSWORD_TOTP);
            assertThat(session.method().strong()).isTrue();
            refused(() -> f.authentication.login("dr.lefevre", PASSWORD.toCharArray(), next), Reason.TOTP_INVALID);
            assertThat(actions(f)).contains(AuditAction.TOTP_ENROLLED, AuditAction.TOTP_CONFIRMED);
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void wrongTotpCodesCountTowardsTheLockout(Kind kind) throws Exception {
        with(kind, f -> {
            UserAccount user = f.account("admin", Role.ADMINISTRATEUR, null, PASSWORD);
            var enrolment = f.administration.enrolTotp(AccountsFixture.ADMIN_PROCESS, user.id());
            f.administration.confirmTotp(AccountsFixture.ADMIN_PROCESS, user.id(),
                    Totp.code(enrolment.secret(), Totp.step(f.core.clock.instant())));
            for (int i = 0; i < 4; i++) {
                refused(() -> f.authentication.login("admin", PASSWORD.toCharArray(), "111111"), Reason.TOTP_INVALID);
            }
            refused(() -> f.authentication.login("admin", PASSWORD.toCharArray(), "111111"), Reason.LOCKED);
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void temporaryAndExpiredPasswordsMustBeChangedFollowingThePolicy(Kind kind) throws Exception {
        with(kind, f -> {
            UserAccount user = f.administration.create(AccountsFixture.ADMIN_PROCESS, new AccountAdministration.NewAccount(
                    "dr.martin", "Dr Martin", Role.RADIOLOGUE, null, "10", null), "Provisoire-2026".toCharArray());
            refused(() -> f.authentication.login("dr.martin", "Provisoire-2026".toCharArray(), null),
                    Reason.PASSWORD_CHANGE_REQUIRED);
            assertThatThrownBy(() -> f.authentication.changePassword("dr.martin", "Provisoire-2026".toCharArray(),
                    "court".toCharArray(), null)).isInstanceOf(BusinessRuleException.class)
                    .hasMessageContaining("au moins 12 caractères");
            assertThatThrownBy(() -> f.authentication.changePassword("dr.martin", "Provisoire-2026".toCharArray(),
                    "Provisoire-2026".toCharArray(), null)).hasMessageContaining("différent");
            AuthenticatedSession session = f.authentication.changePassword("dr.martin", "Provisoire-2026".toCharArray(),
                    PASSWORD.toCharArray(), null);
            assertThat(session.user().id()).isEqualTo(user.id());
            assertThat(f.authentication.login("dr.martin", PASSWORD.toCharArray(), null)).isNotNull();

            f.core.clock.advance(Duration.ofDays(181));
            assertThatThrownBy(() -> f.authentication.login("dr.martin", PASSWORD.toCharArray(), null))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.PASSWORD_CHANGE_REQUIRED);
                        assertThat(e.getMessage()).contains("expiré");
                    });
            f.authentication.changePassword("dr.martin", PASSWORD.toCharArray(), "Scanner-Thorax-27".toCharArray(), null);
            assertThat(actions(f)).contains(AuditAction.PASSWORD_CHANGED, AuditAction.PASSWORD_CHANGE_FAILED);
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void disabledAccountsCannotLogIn(Kind kind) throws Exception {
        with(kind, f -> {
            UserAccount user = f.account("manip", Role.MANIPULATEUR, null, "Salle-Radio-7!");
            f.administration.setActive(AccountsFixture.ADMIN_PROCESS, user.id(), false);
            refused(() -> f.authentication.login("manip", "Salle-Radio-7!".toCharArray(), null), Reason.DISABLED);
            f.administration.setActive(AccountsFixture.ADMIN_PROCESS, user.id(), true);
            assertThat(f.authentication.login("manip", "Salle-Radio-7!".toCharArray(), null)).isNotNull();
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aHashMadeWithAWeakerCostIsUpgradedAtLogin(Kind kind) throws Exception {
        with(kind, f -> {
            UserAccount user = f.account("dr.lambert", Role.RADIOLOGUE, "99700000000", PASSWORD);
            var stronger = new AccountSecurity(PasswordPolicy.privilegedDefault(), PasswordPolicy.standardDefault(),
                    new PasswordHasher(new PasswordHasher.Cost(512, 2, 1)));
            new LocalAuthentication(f.core.database, f.core.audit, f.core.clock, stronger)
                    .login("dr.lambert", PASSWORD.toCharArray(), null);
            String hash = new CredentialRepository(f.core.database.dsl()).find(user.id()).orElseThrow().passwordHash();
            assertThat(hash).contains("m=512,t=2");
        });
    }
}
