package fr.opaline.core.user;

import static fr.opaline.core.persistence.generated.Tables.USER_CREDENTIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import fr.opaline.core.user.AuthenticationException.Reason;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 16: TOTP seeds are sealed with the vault key at rest; clear seeds of earlier versions are sealed. */
class TotpSeedsAtRestTest {

    private static final String PASSWORD = "Irm-Genou-2026";

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static void with(Kind kind, Consumer<AccountsFixture> test) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            test.accept(new AccountsFixture(new CoreFixture(db.database())));
        }
    }

    private static String stored(AccountsFixture f, UUID userId) {
        return f.core.database.dsl().select(USER_CREDENTIAL.TOTP_SECRET).from(USER_CREDENTIAL)
                .where(USER_CREDENTIAL.USER_ID.eq(userId)).fetchOne(USER_CREDENTIAL.TOTP_SECRET);
    }

    private static void store(AccountsFixture f, UUID userId, String value) {
        f.core.database.dsl().update(USER_CREDENTIAL).set(USER_CREDENTIAL.TOTP_SECRET, value)
                .where(USER_CREDENTIAL.USER_ID.eq(userId)).execute();
    }

    private static String enrolAndConfirm(AccountsFixture f, UserAccount user) {
        var enrolment = f.administration.enrolTotp(AccountsFixture.ADMIN_PROCESS, user.id());
        f.administration.confirmTotp(AccountsFixture.ADMIN_PROCESS, user.id(),
                Totp.code(enrolment.secret(), Totp.step(f.core.clock.instant())));
        f.core.clock.advance(java.time.Duration.ofSeconds(60));
        return enrolment.secret();
    }

    private static void refused(Runnable call, Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theDatabaseHoldsOnlyTheSealedSeedAndTheSecondFactorStillWorks(Kind kind) throws Exception {
        with(kind, f -> {
            UserAccount user = f.account("dr.lefevre", Role.RADIOLOGUE, "10101010101", PASSWORD);
            String secret = enrolAndConfirm(f, user);
            String stored = stored(f, user.id());
            assertThat(stored).startsWith("aes1:").doesNotContain(secret);
            String code = Totp.code(secret, Totp.step(f.core.clock.instant()));
            assertThat(f.authentication.login("dr.lefevre", PASSWORD.toCharArray(), code).method())
                    .isEqualTo(AuthenticationMethod.LOCAL_PASSWORD_TOTP);
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void clearSeedsOfEarlierVersionsAreSealedAndKeepWorking(Kind kind) throws Exception {
        with(kind, f -> {
            UserAccount user = f.account("dr.martin", Role.RADIOLOGUE, "10101010102", PASSWORD);
            String secret = enrolAndConfirm(f, user);
            store(f, user.id(), secret); // as an earlier version stored it
            assertThat(f.security.totpSeeds().sealClearSeeds(f.core.database)).isEqualTo(1);
            assertThat(stored(f, user.id())).startsWith("aes1:").doesNotContain(secret);
            assertThat(f.security.totpSeeds().sealClearSeeds(f.core.database)).isZero();
            String code = Totp.code(secret, Totp.step(f.core.clock.instant()));
            assertThat(f.authentication.login("dr.martin", PASSWORD.toCharArray(), code).method())
                    .isEqualTo(AuthenticationMethod.LOCAL_PASSWORD_TOTP);
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSeedPlantedInClearOrCopiedFromAnotherAccountIsRefused(Kind kind) throws Exception {
        with(kind, f -> {
            UserAccount victim = f.account("dr.durand", Role.RADIOLOGUE, "10101010103", PASSWORD);
            UserAccount attacker = f.account("secretariat", Role.SECRETAIRE, null, PASSWORD);
            enrolAndConfirm(f, victim);
            String attackerSecret = enrolAndConfirm(f, attacker);

            // Someone who writes the database copies their own sealed seed onto the victim's row.
            store(f, victim.id(), stored(f, attacker.id()));
            refused(() -> f.authentication.login("dr.durand", PASSWORD.toCharArray(),
                    Totp.code(attackerSecret, Totp.step(f.core.clock.instant()))), Reason.TOTP_INVALID);

            // Or writes a seed of their choosing in clear.
            String planted = Totp.newSecret();
            store(f, victim.id(), planted);
            f.core.clock.advance(java.time.Duration.ofSeconds(60));
            refused(() -> f.authentication.login("dr.durand", PASSWORD.toCharArray(),
                    Totp.code(planted, Totp.step(f.core.clock.instant()))), Reason.TOTP_INVALID);
            assertThat(f.core.audit.latest(3)).anySatisfy(e -> assertThat(e.detail()).contains("illisible"));
        });
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anotherVaultKeyDoesNotOpenTheSeeds(Kind kind) throws Exception {
        with(kind, f -> {
            UserAccount user = f.account("dr.petit", Role.RADIOLOGUE, "10101010104", PASSWORD);
            String secret = enrolAndConfirm(f, user);
            var elsewhere = new LocalAuthentication(f.core.database, f.core.audit, f.core.clock,
                    new AccountSecurity(f.security.privileged(), f.security.standard(), f.security.hasher(),
                            TotpSeeds.ephemeral()));
            refused(() -> elsewhere.login("dr.petit", PASSWORD.toCharArray(),
                    Totp.code(secret, Totp.step(f.core.clock.instant()))), Reason.TOTP_INVALID);
        });
    }
}
