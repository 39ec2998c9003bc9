package fr.opaline.core.order;

import java.util.UUID;

/** The procedure requested by an order (DICOM Requested Procedure ID and description). */
public record RequestedProcedure(UUID id, UUID orderId, UUID examTypeId, String procedureId, String description) {
}
