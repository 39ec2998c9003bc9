package fr.opaline.ui.agenda;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The active rooms and exams of the practice, as read once when a screen opens (what a booking may
 * choose), and every exam by id, deactivated ones included: an appointment made before an exam was
 * deactivated keeps showing it.
 */
public record Catalogue(List<Room> rooms, List<ExamType> exams, Map<UUID, ExamType> examsById) {

    public static final Catalogue EMPTY = new Catalogue(List.of(), List.of());

    public Catalogue {
        rooms = List.copyOf(rooms);
        exams = List.copyOf(exams);
        examsById = Map.copyOf(examsById);
    }

    /** From the whole catalogue: only the active rooms and exams are offered. */
    public Catalogue(List<Room> rooms, List<ExamType> exams) {
        this(rooms.stream().filter(Room::active).toList(), exams.stream().filter(ExamType::active).toList(),
                exams.stream().collect(Collectors.toMap(ExamType::id, Function.identity())));
    }

    public Optional<Room> room(UUID id) {
        return rooms.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public List<ExamType> examsFor(Modality modality) {
        return exams.stream().filter(e -> e.modality() == modality).toList();
    }

    /** Modalities that have at least one room, in the catalogue's order. */
    public List<Modality> modalities() {
        return rooms.stream().map(Room::modality).distinct().sorted().toList();
    }
}
