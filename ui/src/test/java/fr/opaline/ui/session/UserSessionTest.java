package fr.opaline.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.common.MutableClock;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserSessionTest {

    static UserAccount account(String login) {
        return new UserAccount(UUID.randomUUID(), login, login, Role.SECRETAIRE, null, null, null, true, Instant.EPOCH);
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"), ZoneId.of("Europe/Paris"));
    final UserSession session = new UserSession(clock, Duration.ofMinutes(10));
    final AuthenticatedUser nadia = new AuthenticatedUser(account("nadia"), SignInMethod.DEMO, clock.instant());

    @Test
    void locksAfterTheIdleTimeoutAndActivityPostponesIt() {
        session.tick();
        assertThat(session.isLocked()).isFalse();
        session.signedIn(nadia);
        clock.advance(Duration.ofMinutes(9));
        session.activity();
        clock.advance(Duration.ofMinutes(9));
        session.tick();
        assertThat(session.isLocked()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        session.tick();
        assertThat(session.isLocked()).isTrue();
        session.activity();
        assertThat(session.isLocked()).isTrue();
    }

    @Test
    void onlyTheSameUserUnlocks() {
        session.signedIn(nadia);
        session.lockNow();
        assertThat(session.unlock(new AuthenticatedUser(account("other"), SignInMethod.DEMO, clock.instant()))).isFalse();
        assertThat(session.isLocked()).isTrue();
        assertThat(session.unlock(new AuthenticatedUser(nadia.account(), SignInMethod.PASSWORD, clock.instant()))).isTrue();
        assertThat(session.isLocked()).isFalse();
        session.signOut();
        assertThat(session.user()).isNull();
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> new UserSession(clock, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
