package fr.opaline.ui.agenda;

import java.time.Duration;
import java.time.LocalTime;

/** Vertical scale of the agenda: times of the day to pixels and back, snapped to a step. */
record TimeScale(LocalTime first, LocalTime last, double pixelsPerMinute, int snapMinutes) {

    static final TimeScale DEFAULT = new TimeScale(LocalTime.of(7, 0), LocalTime.of(20, 0), 2.0, 5);

    double height() {
        return minutes(last) * pixelsPerMinute;
    }

    double y(LocalTime time) {
        return Math.max(0, Math.min(minutes(last), minutes(time))) * pixelsPerMinute;
    }

    double height(long durationMinutes) {
        return durationMinutes * pixelsPerMinute;
    }

    /**
     * The snapped time at a pixel offset, kept so that an item of the given duration stays within
     * the day.
     */
    LocalTime time(double y, long durationMinutes) {
        long raw = Math.round(y / pixelsPerMinute / snapMinutes) * snapMinutes;
        long latest = minutes(last) - durationMinutes;
        long clamped = Math.max(0, Math.min(Math.max(0, latest), raw));
        return first.plusMinutes(clamped);
    }

    private long minutes(LocalTime time) {
        return Duration.between(first, time).toMinutes();
    }
}
