package fr.opaline.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BackupScheduleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final BackupSchedule schedule = BackupSchedule.parse("20:00, 12:30", PARIS);

    @Test
    void nextAndPreviousRunsInThePracticesTimeZone() {
        assertThat(schedule.toString()).isEqualTo("12:30,20:00");
        // 2026-03-02 10:00 in Paris (UTC+1)
        Instant morning = Instant.parse("2026-03-02T09:00:00Z");
        assertThat(schedule.nextAfter(morning)).isEqualTo(Instant.parse("2026-03-02T11:30:00Z"));
        assertThat(schedule.previousAtOrBefore(morning)).isEqualTo(Instant.parse("2026-03-01T19:00:00Z"));
        Instant late = Instant.parse("2026-03-02T21:00:00Z");
        assertThat(schedule.nextAfter(late)).isEqualTo(Instant.parse("2026-03-03T11:30:00Z"));
        assertThat(schedule.previousAtOrBefore(Instant.parse("2026-03-02T19:00:00Z")))
                .as("a run time is its own previous").isEqualTo(Instant.parse("2026-03-02T19:00:00Z"));
    }

    @Test
    void followsSummerTime() {
        // Summer time starts on 2026-03-29: 20:00 in Paris is 18:00 UTC from then on.
        assertThat(schedule.nextAfter(Instant.parse("2026-03-29T12:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T18:00:00Z"));
    }

    @Test
    void refusesWhatIsNotATimeOfDay() {
        assertThatThrownBy(() -> BackupSchedule.parse("25:00", PARIS)).hasMessageContaining("HH:mm");
        assertThatThrownBy(() -> BackupSchedule.parse(" , ", PARIS)).hasMessageContaining("au moins une heure");
        assertThat(BackupSchedule.parse("2:15", PARIS).toString()).isEqualTo("02:15");
    }
}
