package fr.opaline.dmp.vihf;

import java.util.Objects;

/**
 * The practice and the software as every VIHF names them: structure identifier (IDNST, e.g.
 * {@code 1} + FINESS), secteur d'activité (code^OID), and the LPS identification (installation
 * id, name, version, DMP homologation number).
 */
public record VihfStructure(String structureId, String activitySector, String lpsId, String lpsName, String lpsVersion,
                            String lpsHomologation) {

    public VihfStructure {
        Objects.requireNonNull(structureId, "structureId");
        Objects.requireNonNull(activitySector, "activitySector");
        Objects.requireNonNull(lpsId, "lpsId");
        Objects.requireNonNull(lpsName, "lpsName");
        Objects.requireNonNull(lpsVersion, "lpsVersion");
        Objects.requireNonNull(lpsHomologation, "lpsHomologation");
    }
}
