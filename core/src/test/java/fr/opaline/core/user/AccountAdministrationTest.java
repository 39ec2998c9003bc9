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
import fr.opaline.core.user.AccountAdministration.NewAccount;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SC.SSI/IAM.91/94, IE.56: rights changes are audited, accounts are exported for review. */
class AccountAdministrationTest {

    private static final String PASSWORD = "Irm-Genou-2026";

    @Test
    void roleAndIdentityChangesAreAuditedWithBeforeAndAfter() throws Exception {
        try (var db = TestDatabases.h2()) {
            AccountsFixture f = new AccountsFixture(new CoreFixture(db.database()));
            UserAccount admin = f.account("admin", Role.ADMINISTRATEUR, null, PASSWORD);
            UserAccount manip = f.account("manip", Role.MANIPULATEUR, null, "Salle-Radio-7!");
            Actor by = Actor.user(admin.id(), admin.login());

            f.administration.changeRole(by, manip.id(), Role.RADIOLOGUE);
            f.administration.updateIdentity(by, manip.id(), "Dr Laure Vidal", "99700000009", "10", "SM44");

            List<AuditEvent> events = f.core.audit.latest(2);
            assertThat(events.get(1).action()).isEqualTo(AuditAction.ACCOUNT_ROLE_CHANGED);
            assertThat(events.get(1).detail()).isEqualTo("manip : MANIPULATEUR → RADIOLOGUE");
            assertThat(events.get(1).actorId()).isEqualTo(admin.id());
            assertThat(events.get(0).action()).isEqualTo(AuditAction.ACCOUNT_UPDATED);
            assertThat(events.get(0).detail()).contains("RPPS (vide) → « 99700000009 »", "nom « Compte manip » → « Dr Laure Vidal »");
            // Now privileged: the strict policy applies to the next password.
            assertThatThrownBy(() -> f.administration.resetPassword(by, manip.id(), "Radio-7!x".toCharArray()))
                    .hasMessageContaining("au moins 12 caractères");
        }
    }

    @Test
    void onlyAdministratorsAdministerAndTheLastAdministratorStays() throws Exception {
        try (var db = TestDatabases.h2()) {
            AccountsFixture f = new AccountsFixture(new CoreFixture(db.database()));
            UserAccount admin = f.account("admin", Role.ADMINISTRATEUR, null, PASSWORD);
            UserAccount secretary = f.account("accueil", Role.SECRETAIRE, null, "rdv-2026!");
            Actor bySecretary = Actor.user(secretary.id(), secretary.login());
            Actor byAdmin = Actor.user(admin.id(), admin.login());

            assertThatThrownBy(() -> f.administration.changeRole(bySecretary, secretary.id(), Role.ADMINISTRATEUR))
                    .isInstanceOf(BusinessRuleException.class).hasMessage("Action réservée aux administrateurs du cabinet.");
            assertThatThrownBy(() -> f.administration.changeRole(byAdmin, admin.id(), Role.RADIOLOGUE))
                    .hasMessage("Il doit rester au moins un administrateur actif.");
            assertThatThrownBy(() -> f.administration.setActive(byAdmin, admin.id(), false))
                    .hasMessage("Il doit rester au moins un administrateur actif.");
            assertThatThrownBy(() -> f.review.exportCsv(bySecretary, new StringWriter()))
                    .isInstanceOf(BusinessRuleException.class);
        }
    }

    @Test
    void creationChecksLoginRppsAndPolicy() throws Exception {
        try (var db = TestDatabases.h2()) {
            AccountsFixture f = new AccountsFixture(new CoreFixture(db.database()));
            Actor by = AccountsFixture.ADMIN_PROCESS;
            f.account("dr.lambert", Role.RADIOLOGUE, "99700000000", PASSWORD);

            assertThatThrownBy(() -> f.administration.create(by, new NewAccount("Dr.Lambert", "x", Role.SECRETAIRE, null,
                    null, null), null)).hasMessageContaining("déjà utilisé");
            assertThatThrownBy(() -> f.administration.create(by, new NewAccount("a b", "x", Role.SECRETAIRE, null,
                    null, null), null)).hasMessageContaining("Identifiant invalide");
            assertThatThrownBy(() -> f.administration.create(by, new NewAccount("dr.x", "x", Role.RADIOLOGUE, "1234",
                    null, null), null)).hasMessageContaining("11 chiffres");
            assertThatThrownBy(() -> f.administration.create(by, new NewAccount("dr.x", "x", Role.RADIOLOGUE, null,
                    null, null), "court".toCharArray())).hasMessageContaining("au moins 12");
            assertThat(f.core.audit.latest(100)).extracting(AuditEvent::action)
                    .filteredOn(AuditAction.ACCOUNT_CREATED::equals).hasSize(1);
        }
    }

    @Test
    void csvExportListsEveryAccountWithoutSecretsAndIsAudited() throws Exception {
        try (var db = TestDatabases.h2()) {
            AccountsFixture f = new AccountsFixture(new CoreFixture(db.database()));
            UserAccount admin = f.account("admin", Role.ADMINISTRATEUR, null, PASSWORD);
            f.account("dr.lambert", Role.RADIOLOGUE, "99700000000", PASSWORD);
            f.administration.create(AccountsFixture.ADMIN_PROCESS, new NewAccount("accueil",
                    "=HYPERLINK(\"x\";\"Mme Ferrand\")", Role.SECRETAIRE, null, null, null), null);
            StringWriter csv = new StringWriter();

            int count = f.review.exportCsv(Actor.user(admin.id(), admin.login()), csv);

            assertThat(count).isEqualTo(3);
            String[] lines = csv.toString().split("\r\n");
            assertThat(lines[0]).startsWith("\uFEFFidentifiant;nom;rôle;privilégié;RPPS");
            assertThat(lines).hasSize(4);
            assertThat(lines[1]).startsWith("accueil;\"'=HYPERLINK(\"\"x\"\";\"\"Mme Ferrand\"\")\";SECRETAIRE;non;;");
            assertThat(lines[3]).startsWith("dr.lambert;Compte dr.lambert;RADIOLOGUE;oui;99700000000;10;;oui;")
                    .contains(";oui;non;");
            assertThat(csv.toString()).doesNotContain("argon2").doesNotContain(PASSWORD);
            AuditEvent last = f.core.audit.latest(1).get(0);
            assertThat(last.action()).isEqualTo(AuditAction.ACCOUNTS_EXPORTED);
            assertThat(last.detail()).isEqualTo("3 comptes exportés (CSV)");
        }
    }
}
