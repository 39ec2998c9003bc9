package fr.opaline.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.user.Role;
import fr.opaline.ui.testing.DesktopFixture;
import org.junit.jupiter.api.Test;

class DemoSignInTest {

    @Test
    void theDemoPickerListsActiveAccountsFrontDeskFirstAndAuditsTheLogin() throws Exception {
        try (DesktopFixture f = new DesktopFixture()) {
            f.core.user("dr.lambert", Role.RADIOLOGUE, "99700000000");
            DemoSignIn demo = new DemoSignIn(f.api());
            assertThat(demo.accounts()).extracting(a -> a.login()).containsExactly("secretariat", "dr.lambert");

            AuthenticatedUser user = demo.signIn(f.secretary);

            assertThat(user.method()).isEqualTo(SignInMethod.DEMO);
            assertThat(user.actor().login()).isEqualTo("secretariat");
            assertThat(f.core.audit.latest(1)).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.LOGIN);
                assertThat(e.detail()).contains("mode démonstration");
            });
        }
    }
}
