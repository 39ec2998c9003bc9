package fr.opaline.core.testing;

import fr.opaline.core.common.Actor;
import fr.opaline.core.user.AccountAdministration;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.AccountReconciliation;
import fr.opaline.core.user.AccountReview;
import fr.opaline.core.user.AccountSecurity;
import fr.opaline.core.user.LocalAuthentication;
import fr.opaline.core.user.PasswordHasher;
import fr.opaline.core.user.PasswordPolicy;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;

/**
 * The account services over a {@link CoreFixture}, with a cheap Argon2id cost so that tests stay
 * fast (the production cost is exercised by {@code PasswordHasherTest}).
 */
public final class AccountsFixture {

    public static final PasswordHasher.Cost TEST_COST = new PasswordHasher.Cost(256, 1, 1);
    public static final Actor ADMIN_PROCESS = Actor.system("test-admin");

    public final CoreFixture core;
    public final AccountSecurity security;
    public final LocalAuthentication authentication;
    public final AccountAdministration administration;
    public final AccountReconciliation reconciliation;
    public final AccountReview review;

    public AccountsFixture(CoreFixture core) {
        this.core = core;
        this.security = new AccountSecurity(PasswordPolicy.privilegedDefault(), PasswordPolicy.standardDefault(),
                new PasswordHasher(TEST_COST));
        this.authentication = new LocalAuthentication(core.database, core.audit, core.clock, security);
        this.administration = new AccountAdministration(core.database, core.audit, core.ids, core.clock, security);
        this.reconciliation = new AccountReconciliation(core.database, core.audit, core.clock, authentication);
        this.review = new AccountReview(core.database, core.audit, core.clock, security);
    }

    /** An account whose password is already chosen by its user (no change required at login). */
    public UserAccount account(String login, Role role, String rpps, String password) {
        UserAccount user = administration.create(ADMIN_PROCESS,
                new NewAccount(login, "Compte " + login, role, rpps, role == Role.RADIOLOGUE ? "10" : null, null),
                "Provisoire-0000-x".toCharArray());
        authentication.changePassword(login, "Provisoire-0000-x".toCharArray(), password.toCharArray(), null);
        return user;
    }
}
