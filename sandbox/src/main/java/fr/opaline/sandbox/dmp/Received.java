package fr.opaline.sandbox.dmp;

import java.time.Instant;

/**
 * One request the sandbox DMP received, for the inspection endpoint and the tests: service and
 * action, the patient (INS matricule from the VIHF), who (NameID), access mode and authentication
 * mode, and what the sandbox answered.
 */
public record Received(Instant at, String service, String action, String patient, String nameId, String purpose,
                       String authentication, String outcome) {
}
