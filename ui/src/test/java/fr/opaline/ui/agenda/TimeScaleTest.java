package fr.opaline.ui.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class TimeScaleTest {

    final TimeScale scale = new TimeScale(LocalTime.of(7, 0), LocalTime.of(20, 0), 2.0, 5);

    @Test
    void timesAndPixelsConvertBothWaysSnappedToFiveMinutes() {
        assertThat(scale.height()).isEqualTo(13 * 60 * 2.0);
        assertThat(scale.y(LocalTime.of(9, 30))).isEqualTo(150 * 2.0);
        assertThat(scale.time(300, 20)).isEqualTo(LocalTime.of(9, 30));
        assertThat(scale.time(304, 20)).isEqualTo(LocalTime.of(9, 30));
        assertThat(scale.time(306, 20)).isEqualTo(LocalTime.of(9, 35));
    }

    @Test
    void aDraggedItemStaysWithinTheDay() {
        assertThat(scale.time(-50, 20)).isEqualTo(LocalTime.of(7, 0));
        assertThat(scale.time(10_000, 20)).isEqualTo(LocalTime.of(19, 40));
        assertThat(scale.y(LocalTime.of(6, 0))).isZero();
        assertThat(scale.y(LocalTime.of(22, 0))).isEqualTo(scale.height());
    }
}
