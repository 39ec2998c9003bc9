package fr.opaline.api.identity;

import java.time.Instant;

/**
 * One change of the identity's status, oldest first.
 *
 * @param fromStatus null for the creation; else the RNIV status name (PROVISOIRE, RECUPEREE…)
 */
public record StatusHistoryLine(Instant at, String fromStatus, String toStatus, String reason, String actor) {
}
