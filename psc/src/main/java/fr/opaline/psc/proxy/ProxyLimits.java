package fr.opaline.psc.proxy;

import java.time.Duration;
import java.util.Objects;

/**
 * What the proxy e-santé holds at most for sign-ins under way, whatever the LAN sends (issue 20).
 * A CIBA start is a push to a doctor's e-CPS: there is never more than one pending CIBA request per
 * national id (a second start reuses it), and a workstation may start only so many per minute.
 *
 * @param cibaStartsPerMinute CIBA starts accepted per workstation (source address) in any minute
 * @param maxPendingLogins    sign-ins (CIBA and browser) held at once, in all
 * @param loginExpiry         time after which a sign-in not finished is given up
 */
public record ProxyLimits(int cibaStartsPerMinute, int maxPendingLogins, Duration loginExpiry) {

    public static final int DEFAULT_CIBA_STARTS_PER_MINUTE = 10;
    public static final int DEFAULT_MAX_PENDING_LOGINS = 200;
    public static final Duration DEFAULT_LOGIN_EXPIRY = Duration.ofMinutes(5);

    public ProxyLimits {
        Objects.requireNonNull(loginExpiry, "loginExpiry");
        if (cibaStartsPerMinute < 1) {
            throw new IllegalArgumentException("au moins une connexion CIBA par minute doit être permise");
        }
        if (maxPendingLogins < 1) {
            throw new IllegalArgumentException("au moins une connexion en cours doit être permise");
        }
        if (loginExpiry.isNegative() || loginExpiry.isZero()) {
            throw new IllegalArgumentException("le délai d'une connexion doit être positif");
        }
    }

    /** 10 CIBA starts per minute per workstation, 200 sign-ins under way, 5 minutes each. */
    public static ProxyLimits defaults() {
        return new ProxyLimits(DEFAULT_CIBA_STARTS_PER_MINUTE, DEFAULT_MAX_PENDING_LOGINS, DEFAULT_LOGIN_EXPIRY);
    }

    public ProxyLimits withCibaStartsPerMinute(int starts) {
        return new ProxyLimits(starts, maxPendingLogins, loginExpiry);
    }

    public ProxyLimits withMaxPendingLogins(int pending) {
        return new ProxyLimits(cibaStartsPerMinute, pending, loginExpiry);
    }
}
