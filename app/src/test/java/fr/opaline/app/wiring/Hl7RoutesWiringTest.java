package fr.opaline.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.common.Actor;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.hl7.route.RouteJob;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.Hl7PeerDeclaration;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a process wired as the server and the commands are, an identity written through the process's
 * patient service (the one the API's endpoints, INSi and the received flows use) queues an ADT for
 * each ADT route, and the server has a handler for each kind of route.
 */
class Hl7RoutesWiringTest {

    @TempDir
    Path home;

    @Test
    void anIdentityCreatedInTheProcessQueuesItsAdtAndEveryRouteKindHasAHandler() throws Exception {
        Actor admin = Actor.system("test-admin");
        try (CoreServices core = CoreServices.open(OpalineConfig.load(home, null))) {
            InsWiring.insServices(core).correspondents().addHl7Peer(new Hl7PeerDeclaration("PACS du cabinet",
                    Channel.HL7, "PACS-APP", null, List.of("127.0.0.1"), null, null, false, null), admin);
            Hl7Wiring.routes(core).declare("PACS-APP", "adt", "127.0.0.1:2575", false, admin);

            Patient p = core.patients.create(NewPatient.of(IdentityTraits.of("GARNIER", "LUCIE",
                    LocalDate.of(1990, 7, 14), Sex.F, "75056")), Actor.system("test-desk"));

            List<OutboxJob> jobs = core.outbox.list(Set.of(RouteJob.ADT), EnumSet.allOf(JobState.class), null, 10);
            assertThat(jobs).singleElement().satisfies(j -> {
                assertThat(j.patientId()).isEqualTo(p.id());
                assertThat(RouteJob.parse(j.payload()).event()).isEqualTo("A28");
                assertThat(j.subject()).contains("ADT^A28").contains("PACS du cabinet");
            });
            assertThat(new Hl7Wiring().jobHandlers(core)).extracting(JobHandler::type)
                    .contains(RouteJob.ADT, RouteJob.ORM, RouteJob.PFI);
        }
    }
}
