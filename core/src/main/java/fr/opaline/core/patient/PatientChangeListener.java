package fr.opaline.core.patient;

import fr.opaline.core.common.Actor;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Told of each identity change in the change's own transaction (e.g. to queue the ADT that tells a
 * peer): a failure rolls the change back.
 */
public interface PatientChangeListener {

    enum Kind { CREATED, UPDATED, MERGED }

    /** @param mergedId for {@link Kind#MERGED}, the identity merged into {@code patientId}; else null */
    void onPatientChange(DSLContext ctx, Kind kind, UUID patientId, UUID mergedId, Actor actor);
}
