package fr.opaline.core.order;

import java.time.Instant;
import java.util.UUID;

/** A "demande RIS" (SC.DB/RIS.04): accession number and order placer number, issued by the RIS. */
public record ImagingOrder(UUID id, UUID patientId, UUID careEpisodeId, UUID appointmentId, String accessionNumber,
                           String placerOrderNumber, String referringPhysicianName, String referringPhysicianRpps,
                           String clinicalIndication, Instant createdAt) {
}
