package fr.opaline.api;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import java.util.List;

/** The rooms and exams of the catalogue, as the agenda and the booking dialog use them. */
public record CatalogueView(List<Room> rooms, List<ExamType> examTypes) {
}
