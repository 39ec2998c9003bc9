package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.api.TeleradiologyApi;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.hl7.teleradiology.TeleradiologyRequests;
import fr.opaline.server.TeleradiologyEndpoint;
import fr.opaline.ui.testing.DesktopFixture;
import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 journey: from the agenda, the secretary confides the selected exam to the practice's
 * teleradiology platform, then cancels the request; each action goes through the server's
 * teleradiology API and queues its ORM^O01 (ORC-1 NW, then CA) in the outbox.
 */
class TeleradiologyJourneyTest extends DesktopJourney {

    @Override
    protected void prepare(DesktopFixture fixture) {
        TeleradiologyRequests requests = new TeleradiologyRequests(fixture.db.database(), fixture.core.outbox,
                fixture.core.audit, "Téléradiologie du Val (fictive)");
        fixture.apiAreas = events -> Map.of(TeleradiologyApi.class,
                new TeleradiologyEndpoint(requests, events, fixture.core.clock));
    }

    @Override
    protected void warmUpJourney() throws Exception {
        robot.clickOn("#appointment-" + f.provisionalAtTen.appointment().id());
        robot.clickOn("#action-teleradiology");
        untilText("#teleradiology-state", s -> s.startsWith("Examen non confié"));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        until(() -> robot.lookup("#teleradiology-dialog").tryQuery().isEmpty());
    }

    @Test
    void theSecretaryConfidesTheExamToTheteleradiologyPlatformThenCancelsTheRequest() throws Exception {
        robot.clickOn("#appointment-" + f.qualifiedAtNine.appointment().id());
        robot.clickOn("#action-teleradiology");
        untilText("#teleradiology-platform", s -> s.equals("Plateforme : Téléradiologie du Val (fictive)"));
        untilText("#teleradiology-state", s -> s.equals("Examen non confié à la téléradiologie."));
        assertThat(request("NW")).isEmpty();

        robot.clickOn("#teleradiology-assign");
        untilText("#teleradiology-state", s -> s.startsWith("Confié à la téléradiologie — demande : En attente"));
        OutboxJob sent = request("NW").orElseThrow();
        assertThat(sent.type()).isEqualTo(TeleradiologyRequests.JOB_TYPE);
        assertThat(sent.payload()).contains(f.qualifiedAtNine.order().id().toString()).contains("\"cancel\":false");
        assertThat(f.core.audit.latest(3)).extracting(e -> e.action()).contains(TeleradiologyRequests.AUDIT_ACTION);

        robot.clickOn("#teleradiology-cancel");
        untilText("#teleradiology-state", s -> s.startsWith("Demande annulée — annulation : En attente"));
        assertThat(request("CA").orElseThrow().payload()).contains("\"cancel\":true");
        assertThat(robot.lookup("#teleradiology-assign").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#teleradiology-cancel").queryButton().isDisabled()).isTrue();
    }

    private Optional<OutboxJob> request(String control) {
        return f.core.outbox.findByIdempotencyKey(TeleradiologyRequests.JOB_TYPE + ":"
                + f.qualifiedAtNine.order().placerOrderNumber() + ":" + control);
    }
}
