package fr.opaline.core.catalogue;

import java.util.UUID;

/** An examination room with its modality; the station AE title is the modality's DICOM name. */
public record Room(UUID id, String code, String name, Modality modality, String stationAeTitle, String stationName,
                   boolean active) {
}
