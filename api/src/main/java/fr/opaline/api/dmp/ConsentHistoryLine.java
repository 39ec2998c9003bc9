package fr.opaline.api.dmp;

import java.time.Instant;

/** One traced change of the patient's DMP consent, oldest first (who, when, how, what). */
public record ConsentHistoryLine(Instant at, String actor, String origin, String detail) {
}
