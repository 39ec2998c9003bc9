package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.api.DirectoryApi;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.mss.directory.DirectoryClient;
import fr.opaline.mss.outbound.OrderCorrespondents;
import fr.opaline.sandbox.mss.MssSandbox;
import fr.opaline.server.DirectoryEndpoint;
import fr.opaline.ui.testing.DesktopFixture;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 journey: at booking, the secretary looks the prescriber up in the annuaire santé (the
 * sandbox MSSanté operator's FHIR directory, through the server's directory API), picks the
 * cabinet's mailbox the directory publishes on the PractitionerRole, and books: the order keeps the
 * prescriber's RPPS and the chosen address, to which the CR is mailed at validation.
 */
class PrescriberFromDirectoryJourneyTest extends DesktopJourney {

    private MssSandbox mss;

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        mss = new MssSandbox(new MssSandbox.Settings(0, 0, 0, Files.createTempDirectory("mss-sandbox"), () -> null),
                fixture.core.clock);
        mss.start();
        DirectoryClient directory = new DirectoryClient(mss.directoryUri(), mss.directoryApiKey(), Duration.ofSeconds(10));
        OrderCorrespondents correspondents = new OrderCorrespondents(fixture.db.database(), fixture.core.audit,
                fixture.core.ids, fixture.core.clock);
        fixture.apiAreas = events -> Map.of(DirectoryApi.class,
                new DirectoryEndpoint(directory, correspondents, events, fixture.core.clock));
    }

    @AfterEach
    void stopSandbox() {
        if (mss != null) {
            mss.stop(Duration.ZERO);
        }
    }

    @Test
    void theSecretaryFindsThePrescriberInTheDirectoryAndBooksWithTheirCabinetMailbox() throws Exception {
        robot.clickOn("#appointment-" + f.qualifiedAtNine.appointment().id());
        robot.clickOn("Autre rendez-vous");
        until(() -> robot.lookup("#booking-dialog").tryQuery().isPresent());
        Node dialog = robot.lookup("#booking-dialog").query();
        robot.clickOn(robot.from(dialog).lookup("Scanner cérébral").queryAs(Node.class));
        ComboBox<?> time = robot.lookup("#booking-time").queryAs(ComboBox.class);
        robot.clickOn(time.getEditor()).write("15:00");

        robot.clickOn("#booking-directory");
        until(() -> robot.lookup("#directory-dialog").tryQuery().isPresent());
        robot.clickOn("#directory-name").write("L");
        robot.clickOn("#directory-search");
        untilText("#directory-status", s -> s.contains("deux lettres"));
        robot.clickOn("#directory-name").write("EGRAND");
        robot.clickOn("#directory-search");
        untilText("#directory-status", s -> s.equals("1 adresse(s) MSSanté trouvée(s)."));
        @SuppressWarnings("unchecked")
        ListView<fr.opaline.api.DirectoryContact> results = robot.lookup("#directory-results").queryAs(ListView.class);
        assertThat(results.getItems()).singleElement().satisfies(c -> {
            assertThat(c.mssAddress()).isEqualTo("cabinet.foch@medecin.sandbox.mssante.fr");
            assertThat(c.mailboxType()).isEqualTo("CAB");
        });
        robot.clickOn(robot.from(results).lookup(".list-cell").queryAs(Node.class));
        robot.clickOn("#directory-choose");
        until(() -> robot.lookup("#directory-dialog").tryQuery().isEmpty());
        untilText("#booking-referrer", s -> s.equals("Dr Claire LEGRAND"));
        untilText("#booking-prescriber-address", s -> s.equals(
                "RPPS 99700010006 · le CR sera adressé par MSSanté à cabinet.foch@medecin.sandbox.mssante.fr"));

        robot.clickOn("#booking-confirm");
        until(() -> robot.lookup("#booking-dialog").tryQuery().isEmpty());
        List<ImagingOrder> orders = new OrderRepository(f.db.database().dsl()).findByPatient(f.qualified.id());
        ImagingOrder booked = orders.stream().filter(o -> "99700010006".equals(o.referringPhysicianRpps()))
                .findFirst().orElseThrow();
        assertThat(booked.referringPhysicianName()).isEqualTo("Dr Claire LEGRAND");
        until(() -> !new OrderCorrespondents(f.db.database(), f.core.audit, f.core.ids, f.core.clock)
                .of(booked.id()).isEmpty());
        assertThat(new OrderCorrespondents(f.db.database(), f.core.audit, f.core.ids, f.core.clock).of(booked.id()))
                .singleElement().satisfies(c -> {
                    assertThat(c.referring()).isTrue();
                    assertThat(c.rpps()).isEqualTo("99700010006");
                    assertThat(c.mssAddress()).isEqualTo("cabinet.foch@medecin.sandbox.mssante.fr");
                });
    }
}
