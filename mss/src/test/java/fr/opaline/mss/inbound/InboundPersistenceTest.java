package fr.opaline.mss.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.SampleReport;
import fr.opaline.mss.outbound.ReportMail;
import fr.opaline.mss.trace.MssTrace;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Manual import, worklist and received-message rows on H2 and PostgreSQL (when OPALINE_TEST_PG_URL is set). */
class InboundPersistenceTest {

    @ParameterizedTest
    @MethodSource("fr.opaline.core.testing.TestDatabases#kinds")
    void importToWorklistThenAttachAndMessagesTakenOnce(TestDatabases.Kind kind) throws Exception {
        Clock clock = Clock.systemUTC();
        try (TestDatabases.TestDatabase sender = TestDatabases.create(kind);
             TestDatabases.TestDatabase receiver = TestDatabases.create(kind)) {
            SampleReport.Result sample = SampleReport.create(sender.database(), clock,
                    new DrimboxLinkTemplate(DrimboxLinkTemplate.DEFAULT_TEMPLATE, Duration.ofDays(365)));
            byte[] cda = new DocumentRepository(sender.database().dsl()).findByDocumentUid(sample.version().documentUid())
                    .orElseThrow().content();
            byte[] zip = ReportMail.xdm(cda, false, false, UUID.randomUUID(), "1.2.250.1.999", clock.instant());

            IdGenerator ids = IdGenerator.timeOrdered(clock);
            InboundIntegration integration = new InboundIntegration(receiver.database(),
                    new MssTrace(receiver.database(), ids, clock), new AuditTrail(receiver.database(), clock), ids, clock);
            List<InboundDocument> imported = integration.importXdm(zip, "IHE_XDM.zip", Actor.system("test"));
            assertThat(imported).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo(InboundStatus.A_TRAITER);
                assertThat(d.errorCode()).isEqualTo("902");
                assertThat(d.birthDate()).isEqualTo(sample.patient().traits().birthDate());
            });
            receiver.database().inTransactionRun(ctx -> new PatientRepository(ctx).insert(sample.patient()));
            InboundDocument attached = integration.attach(imported.get(0).id(), sample.patient().id(), Actor.system("test"));
            assertThat(attached.status()).isEqualTo(InboundStatus.INTEGRE);
            assertThat(attached.clinicalDocumentId()).isNotNull();

            ReceivedMessages.Received m = new ReceivedMessages.Received(ids.newId(), "ris@exemple.fr", "<a@b>", "x@y", null,
                    null, "sujet", ReceivedMessages.Outcome.TRAITE, null, new byte[] {1, 2});
            boolean first = receiver.database().inTransaction(ctx -> new ReceivedMessages(ctx).insertIfAbsent(m, null,
                    clock.instant()));
            assertThat(first).isTrue();
            ReceivedMessages.Received again = new ReceivedMessages.Received(ids.newId(), m.mailbox(), m.messageId(), m.sender(),
                    null, null, "sujet", ReceivedMessages.Outcome.TRAITE, null, new byte[] {1, 2});
            boolean second = receiver.database().inTransaction(ctx -> new ReceivedMessages(ctx).insertIfAbsent(again, null,
                    clock.instant()));
            assertThat(second).as("taken once").isFalse();
        }
    }
}
