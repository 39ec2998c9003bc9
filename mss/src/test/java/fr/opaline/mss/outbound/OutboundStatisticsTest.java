package fr.opaline.mss.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fr.opaline.core.statistics.MssSends;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The statistics (core) classify the statuses this module writes: a new status must be placed there. */
class OutboundStatisticsTest {

    @Test
    void everyOutboundStatusIsASuccessAFailureOrNotSent() {
        for (OutboundStatus status : OutboundStatus.values()) {
            assertThatCode(() -> MssSends.outcome(status.name())).as(status.name()).doesNotThrowAnyException();
        }
        assertThat(MssSends.outcome(OutboundStatus.REMIS.name())).isZero();
        assertThat(MssSends.outcome(OutboundStatus.ECHEC.name())).isEqualTo(1);
        assertThat(MssSends.outcome(OutboundStatus.ANNULE.name())).isEqualTo(2);
        assertThat(Arrays.stream(RecipientKind.values()).map(Enum::name)).contains("PROFESSIONNEL", "PATIENT");
    }
}
