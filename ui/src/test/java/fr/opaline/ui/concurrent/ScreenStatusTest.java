package fr.opaline.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.testing.Stepped;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenStatusTest {

    final Stepped stepped = new Stepped();
    final ScreenStatus status = new ScreenStatus(stepped.background(), Messages.french());
    final List<String> events = new ArrayList<>();

    @Test
    void anActionIsBusyThenSaysWhatWasDoneThenRunsItsFollowUps() {
        boolean started = status.act("salle", progress -> "SCAN1", code -> "Salle " + code + " ajoutée.",
                () -> events.add("done"), () -> events.add("refresh"));
        assertThat(started).isTrue();
        assertThat(status.busyProperty().get()).isTrue();
        assertThat(status.act("autre", progress -> "x", x -> x, null, null)).as("one action at a time").isFalse();

        stepped.settle();

        assertThat(status.busy()).isFalse();
        assertThat(status.infoProperty().get()).isEqualTo("Salle SCAN1 ajoutée.");
        assertThat(status.errorProperty().get()).isEmpty();
        assertThat(events).containsExactly("done", "refresh");
    }

    @Test
    void aRefusedActionShowsTheRefusalAsItIsAndAGoodReadDoesNotHideIt() {
        status.inform("ancienne information");
        status.act("salle", progress -> {
            throw new BusinessRuleException("Une salle « SCAN1 » existe déjà.");
        }, x -> "jamais", () -> events.add("done"), () -> events.add("refresh"));
        stepped.settle();
        assertThat(status.errorProperty().get()).isEqualTo("Une salle « SCAN1 » existe déjà.");
        assertThat(status.infoProperty().get()).isEmpty();
        assertThat(events).containsExactly("refresh");
        status.readSucceeded();
        assertThat(status.errorProperty().get()).as("the user must be able to read it")
                .isEqualTo("Une salle « SCAN1 » existe déjà.");
    }

    @Test
    void aReadErrorGoesWithTheNextGoodReadAndANewActionClearsIt() {
        status.readFailed(new BusinessRuleException("Base injoignable."));
        assertThat(status.errorProperty().get()).isEqualTo("Base injoignable.");
        status.readSucceeded();
        assertThat(status.errorProperty().get()).isEmpty();

        status.refuse("Choisissez la modalité.");
        status.readSucceeded();
        assertThat(status.errorProperty().get()).isEqualTo("Choisissez la modalité.");
        status.act("x", progress -> 1, n -> "fait", null, null);
        assertThat(status.errorProperty().get()).isEmpty();
        stepped.settle();
        assertThat(status.infoProperty().get()).isEqualTo("fait");
    }
}
