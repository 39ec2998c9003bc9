package fr.opaline.core.common;

import java.util.Objects;
import java.util.UUID;

/**
 * Who performs an action: a logged-in user, or a named system process (worker, import, seed).
 * Every audited service call takes one.
 */
public record Actor(UUID userId, String login) {

    public Actor {
        Objects.requireNonNull(login, "login");
        if (login.isBlank()) {
            throw new IllegalArgumentException("login must not be blank");
        }
    }

    public static Actor user(UUID userId, String login) {
        return new Actor(Objects.requireNonNull(userId, "userId"), login);
    }

    public static Actor system(String processName) {
        return new Actor(null, "system:" + processName);
    }

    public boolean isSystem() {
        return userId == null;
    }
}
