package fr.opaline.core.catalogue;

import java.util.UUID;

/**
 * An exam of the catalogue. The anatomical region is a SNOMED CT code of the ANS value set
 * JDV_RegionAnatomique_CISIS (1.2.250.1.213.1.1.5.695).
 */
public record ExamType(UUID id, String code, String label, Modality modality, String anatomicalRegionCode,
                       String anatomicalRegionLabel, String ccamCode, int durationMinutes, boolean active) {
}
