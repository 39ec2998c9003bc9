package fr.opaline.core.scheduling;

import fr.opaline.core.common.BusinessRuleException;
import java.util.List;

/** The room is already taken for part of the requested slot. */
public class BookingConflictException extends BusinessRuleException {
    private static final long serialVersionUID = 1L;

    private final transient List<Appointment> conflicts;

    public BookingConflictException(String message, List<Appointment> conflicts) {
        super(message);
        this.conflicts = List.copyOf(conflicts);
    }

    public List<Appointment> conflicts() {
        return conflicts;
    }
}
