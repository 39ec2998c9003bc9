package fr.opaline.api.admin;

import java.time.Instant;

/**
 * A certificate file configured on the server as the administrator sees it: who it names, who
 * issued it, when it ends and how many days are left; an error (expired, unreadable…) carries the
 * reason instead. The password is never sent.
 *
 * @param daysLeft null when the certificate could not be read
 * @param note     the inspector's warnings, or the reason of an error; empty otherwise
 */
public record CertificateStatus(String usage, String key, String file, String subject, String issuer,
                                Instant notAfter, Long daysLeft, Level level, String note) {

    /** OK; WARNING: to renew within 30 days; ERROR: expired or unusable. */
    public enum Level { OK, WARNING, ERROR }
}
