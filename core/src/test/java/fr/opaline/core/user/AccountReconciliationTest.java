package fr.opaline.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import fr.opaline.core.user.AccountReconciliation.ChooseAccount;
import fr.opaline.core.user.AccountReconciliation.ExternalLogin;
import fr.opaline.core.user.AccountReconciliation.Linked;
import fr.opaline.core.user.AccountReconciliation.NoAccount;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SC.PSC.02: first PSC login reconciled with existing local accounts. */
class AccountReconciliationTest {

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static final String PASSWORD = "Irm-Genou-2026";
    private static final ExternalLogin LAMBERT = new ExternalLogin("psc", "f:550dc1c8:899700000000", "899700000000",
            "99700000000");

    @ParameterizedTest
    @MethodSource("kinds")
    void theOnlyAccountWithTheRppsIsLinkedAtOnceThenFoundByTheLink(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            AccountsFixture f = new AccountsFixture(new CoreFixture(db.database()));
            UserAccount lambert = f.account("dr.lambert", Role.RADIOLOGUE, "99700000000", PASSWORD);

            var first = f.reconciliation.reconcile(LAMBERT);
            assertThat(first).isEqualTo(new Linked(lambert, true));
            AuditEvent linked = f.core.audit.latest(1).get(0);
            assertThat(linked.action()).isEqualTo(AuditAction.ACCOUNT_LINKED);
            assertThat(linked.detail()).isEqualTo("psc 899700000000 : rapprochement automatique par RPPS 99700000000");

            // Even if the account's RPPS is later corrected, the link holds.
            f.administration.updateIdentity(AccountsFixture.ADMIN_PROCESS, lambert.id(), null, null, "10", null);
            assertThat(f.reconciliation.reconcile(LAMBERT)).isInstanceOfSatisfying(Linked.class, l -> {
                assertThat(l.account().id()).isEqualTo(lambert.id());
                assertThat(l.newlyLinked()).isFalse();
            });
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void severalAccountsWithTheRppsAreOfferedAndOnlyThoseCanBeChosen(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            AccountsFixture f = new AccountsFixture(new CoreFixture(db.database()));
            UserAccount office = f.account("dr.lambert", Role.RADIOLOGUE, "99700000000", PASSWORD);
            UserAccount site2 = f.account("lambert.site2", Role.RADIOLOGUE, "99700000000", PASSWORD);
            UserAccount other = f.account("dr.okafor", Role.RADIOLOGUE, "99700000001", PASSWORD);

            var outcome = f.reconciliation.reconcile(LAMBERT);
            assertThat(outcome).isInstanceOfSatisfying(ChooseAccount.class,
                    c -> assertThat(c.candidates()).extracting(UserAccount::id).containsExactlyInAnyOrder(office.id(), site2.id()));
            assertThatThrownBy(() -> f.reconciliation.linkChosen(LAMBERT, other.id()))
                    .hasMessageContaining("ne porte pas votre RPPS");
            assertThat(f.reconciliation.linkChosen(LAMBERT, site2.id()).id()).isEqualTo(site2.id());
            assertThat(f.reconciliation.reconcile(LAMBERT)).isEqualTo(new Linked(site2, false));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void withoutMatchingAccountTheProfessionalProvesALocalAccount(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            AccountsFixture f = new AccountsFixture(new CoreFixture(db.database()));
            UserAccount noRpps = f.account("remplacant", Role.RADIOLOGUE, null, PASSWORD);
            f.account("dr.okafor", Role.RADIOLOGUE, "99700000001", PASSWORD);

            assertThat(f.reconciliation.reconcile(LAMBERT)).isInstanceOf(NoAccount.class);
            assertThatThrownBy(() -> f.reconciliation.linkWithLocalCredentials(LAMBERT, "remplacant",
                    "faux".toCharArray(), null)).isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> f.reconciliation.linkWithLocalCredentials(LAMBERT, "dr.okafor",
                    PASSWORD.toCharArray(), null)).hasMessageContaining("porte un autre RPPS");
            assertThat(f.reconciliation.linkWithLocalCredentials(LAMBERT, "remplacant", PASSWORD.toCharArray(), null)
                    .id()).isEqualTo(noRpps.id());
            assertThat(f.reconciliation.reconcile(LAMBERT)).isEqualTo(new Linked(noRpps, false));
            assertThat(f.reconciliation.linksOf(noRpps.id())).singleElement()
                    .satisfies(l -> assertThat(l.nationalId()).isEqualTo("899700000000"));

            f.reconciliation.unlink(AccountsFixture.ADMIN_PROCESS, "psc", LAMBERT.subject());
            assertThat(f.reconciliation.reconcile(LAMBERT)).isInstanceOf(NoAccount.class);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void disabledAccountsAreNeitherOfferedNorOpened(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            AccountsFixture f = new AccountsFixture(new CoreFixture(db.database()));
            UserAccount lambert = f.account("dr.lambert", Role.RADIOLOGUE, "99700000000", PASSWORD);
            f.reconciliation.reconcile(LAMBERT);
            f.administration.setActive(AccountsFixture.ADMIN_PROCESS, lambert.id(), false);

            assertThatThrownBy(() -> f.reconciliation.reconcile(LAMBERT)).hasMessageContaining("désactivé");
        }
    }
}
