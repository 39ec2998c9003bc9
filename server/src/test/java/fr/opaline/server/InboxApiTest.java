package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.ApiEvent;
import fr.opaline.api.InboxApi;
import fr.opaline.api.ReceivedDocument;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.core.common.Actor;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.user.Role;
import fr.opaline.mss.inbound.InboundDocument;
import fr.opaline.mss.inbound.InboundIntegration;
import fr.opaline.mss.inbound.MdnJob;
import fr.opaline.mss.inbound.ReceivedMessages;
import fr.opaline.mss.outbound.ReportMail;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.server.inbox.InboxEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The integration worklist over HTTPS: an imported IHE_XDM.zip whose patient is unknown waits,
 * is attached by a secretary and lands in the record; a document received by MSSanté and rejected
 * queues the negative MDN; a bad archive is refused in French with nothing kept; technologists are
 * refused; every desktop hears {@code inbox.changed}.
 */
class InboxApiTest {

    /** The ANS example CR (N3 with its PDF copy), whose patient the test database does not hold. */
    static final Path CR = Path.of(System.getProperty("opaline.shared", "../../shared"))
            .resolve("fixtures/cda/IMG_CR_IMG_2024.01.xml");

    ApiFixture fixture;
    InboundIntegration integration;

    @BeforeEach
    void start() throws Exception {
        fixture = new ApiFixture(core -> {
            integration = new InboundIntegration(core.database, new MssTrace(core.database, core.ids, core.clock), core.audit,
                    core.ids, core.clock, core.outbox);
            return events -> Map.of(InboxApi.class, new InboxEndpoint(integration, events, core.clock));
        });
        fixture.accounts.account("manip", Role.MANIPULATEUR, null, ApiFixture.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    ApiClient signedIn(String login) {
        ApiClient client = fixture.client(ApiFixture.workstationKey());
        client.api(SessionApi.class).signIn(login, ApiFixture.PASSWORD.toCharArray(), null);
        return client;
    }

    /**
     * The fixture as a first version: the ANS example is version 2 of a document this practice never
     * held, which the integration rightly refuses as a replacement.
     */
    static byte[] firstVersion() throws Exception {
        String xml = Files.readString(CR);
        return xml.replaceAll("(?s)<relatedDocument\\b.*?</relatedDocument>\\s*", "")
                .replaceFirst("<versionNumber value=\"2\"/>", "<versionNumber value=\"1\"/>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] xdm() throws Exception {
        return ReportMail.xdm(firstVersion(), false, false, UUID.randomUUID(), "1.2.250.1.999",
                java.time.Instant.now());
    }

    @Test
    void importedDocumentWaitsThenIsAttachedToThePatientFound() throws Exception {
        ApiClient desk = signedIn("secretaire");
        ApiClient other = signedIn("radiologue");
        List<ApiEvent> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable stream = other.events(heard::add)) {
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (fixture.api.events().listeners() == 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            InboxApi inbox = desk.api(InboxApi.class);
            List<ReceivedDocument> imported = inbox.importXdm("IHE_XDM.zip", xdm());
            assertThat(imported).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo("A_TRAITER");
                assertThat(d.source()).isEqualTo(InboundDocument.SOURCE_MANUAL);
                assertThat(d.birthName()).isNotBlank();
            });
            assertThat(inbox.count()).isEqualTo(1);
            assertThat(inbox.waiting()).extracting(ReceivedDocument::id).containsExactly(imported.get(0).id());

            Patient patient = fixture.core.patient("NOM-TEST", "PRENOM", LocalDate.of(1970, 1, 1), Sex.F);
            ReceivedDocument attached = inbox.attach(imported.get(0).id(), patient.id());
            assertThat(attached.status()).isEqualTo("INTEGRE");
            assertThat(attached.patientId()).isEqualTo(patient.id());
            assertThat(new DocumentRepository(fixture.core.database.dsl()).listForPatient(patient.id()))
                    .extracting(d -> d.id()).contains(attached.documentId());
            assertThat(inbox.count()).isZero();
            assertThatThrownBy(() -> inbox.attach(imported.get(0).id(), patient.id()))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.getMessage()).contains("plus en attente");
                    });
            until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (heard.stream().filter(e -> InboxEndpoint.CHANGED.equals(e.type())).count() < 2
                    && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(heard).extracting(ApiEvent::type).filteredOn(InboxEndpoint.CHANGED::equals).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void rejectingADocumentReceivedByMssanteQueuesTheNegativeMdn() throws Exception {
        CoreFixture core = fixture.core;
        UUID message = core.ids.newId();
        byte[] cda = firstVersion();
        InboundDocument received = core.database.inTransaction(ctx -> {
            new ReceivedMessages(ctx).insertIfAbsent(new ReceivedMessages.Received(message, "ris@cabinet.mssante.fr",
                    "<m1@exemple>", "correspondant@exemple.mssante.fr", null, null, "CR", ReceivedMessages.Outcome.TRAITE,
                    null, new byte[] {1}), null, core.clock.instant());
            return integration.receive(ctx, message, InboundDocument.SOURCE_MSSANTE, cda, false,
                    new MssTrace.At("ris@cabinet.mssante.fr", "<m1@exemple>", null, null), Actor.system("test"));
        });
        InboxApi inbox = signedIn("secretaire").api(InboxApi.class);
        assertThatThrownBy(() -> inbox.reject(received.id(), " "))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("Motif"));
        ReceivedDocument rejected = inbox.reject(received.id(), "Patient inconnu du cabinet");
        assertThat(rejected.status()).isEqualTo("REJETE");
        assertThat(core.outbox.list(java.util.Set.of(MdnJob.TYPE), java.util.Set.of(JobState.PENDING), null, 50))
                .singleElement()
                .satisfies(j -> {
                    MdnJob job = MdnJob.parse(j.payload());
                    assertThat(job.receivedMessage()).isEqualTo(message);
                    assertThat(job.document()).isEqualTo(received.id());
                    assertThat(job.reason()).contains("Patient inconnu du cabinet");
                });
        assertThat(inbox.count()).isZero();
    }

    @Test
    void aBadArchiveIsRefusedInFrenchAndNothingIsKept() throws Exception {
        InboxApi inbox = signedIn("secretaire").api(InboxApi.class);
        assertThatThrownBy(() -> inbox.importXdm("IHE_XDM.zip", "ceci n'est pas un zip".getBytes()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).startsWith("Archive refusée, rien n'a été importé");
                });
        assertThat(inbox.count()).isZero();
        assertThat(fixture.core.database.dsl().fetchCount(
                fr.opaline.core.persistence.generated.Tables.MSS_INBOUND_DOCUMENT)).isZero();
    }

    @Test
    void technologistsAreRefused() {
        InboxApi inbox = signedIn("manip").api(InboxApi.class);
        assertThatThrownBy(inbox::waiting).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(403));
    }
}
