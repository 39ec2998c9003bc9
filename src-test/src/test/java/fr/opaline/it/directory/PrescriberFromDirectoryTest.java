package fr.opaline.it.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.AgendaApi;
import fr.opaline.api.DirectoryApi;
import fr.opaline.api.DirectoryContact;
import fr.opaline.api.client.ApiClient;
import fr.opaline.app.wiring.ReportWiring;
import fr.opaline.it.assembly.AssembledDemo;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.order.ExamProgressService;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportService;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.user.UserAccount;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.sandbox.drimbox.DrimboxSandbox;
import fr.opaline.sandbox.mss.MssSandbox;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prescriber chosen in the annuaire santé at booking receives the CR by MSSanté, on the practice
 * server as {@code opaline demo} assembles it ({@link AssembledDemo}) (its sandboxes: FHIR directory, MSSanté operator).
 * The prescriber's only mailbox is the one of their cabinet, tied to their RPPS and to a structure:
 * the Annuaire Santé publishes such mailboxes on the PractitionerRole, not on the Practitioner
 * (ansforge/annuaire-sante-fhir-documentation, use case "Extraction des BAL MSSanté",
 * {@code uc-bal-mss.md}: « PractitionerRole : on retrouve les BAL Personnelles et Cabinet qui sont
 * associées à un identifiant RPPS et à une structure »). The secretary finds it through the API,
 * books with it, the radiologist validates the CR, and the mail is read in the prescriber's box over IMAP;
 * the same CR reaches the sandbox DMP and the sandbox DRIMbox (issue 22's first "Done when").
 */
class PrescriberFromDirectoryTest {

    static final String CABINET_BOX = "cabinet.foch@medecin.sandbox.mssante.fr";

    @TempDir
    Path home;

    @Test
    void theCrOfAnExamWhosePrescriberWasChosenInTheDirectoryReachesTheirMailbox() throws Exception {
        try (AssembledDemo demo = new AssembledDemo(home, Map.of("dmp.feeding.deferral", "PT1S"))) {
            MssSandbox mss = demo.sandbox(MssSandbox.class);
            DmpSandbox dmp = demo.sandbox(DmpSandbox.class);
            DrimboxSandbox drimbox = demo.sandbox(DrimboxSandbox.class);
            Room room = demo.room("CT1", Modality.CT);
            ExamType exam = demo.exam("CT-THX", Modality.CT);
            Patient patient = demo.qualifiedPatient("GAUTIER", "Marie", LocalDate.of(1971, 2, 14), Sex.F,
                    "2710275056321");
            UserAccount radiologist = demo.radiologist("dr.lambert", "99700000000");
            demo.start();
            try (ApiClient api = demo.signedIn()) {
                DirectoryApi directory = api.api(DirectoryApi.class);
                assertThatThrownBy(() -> directory.search("L", null)).hasMessageContaining("deux lettres");

                List<DirectoryContact> found = directory.search("LEGRAND", null);
                assertThat(found).extracting(DirectoryContact::mssAddress).containsExactly(CABINET_BOX);
                DirectoryContact chosen = found.get(0);
                assertThat(chosen.rpps()).isEqualTo("99700010006");
                assertThat(chosen.mailboxType()).isEqualTo("CAB");
                assertThat(chosen.organisation()).isEqualTo("Cabinet médical Foch");

                // An address the directory does not give for that RPPS is refused, nothing recorded.
                Booking booking = api.api(AgendaApi.class).book(new BookingRequest(patient.id(), room.id(),
                        exam.id(), Instant.now().minus(Duration.ofHours(1)), chosen.displayName(), chosen.rpps(),
                        "Douleur thoracique.", null));
                assertThatThrownBy(() -> directory.choosePrescriber(booking.order().id(), new DirectoryContact(
                        chosen.rpps(), chosen.displayName(), null, null, null, "pirate@example.org", null)))
                        .hasMessageContaining("ne donne pas l'adresse");
                assertThat(directory.correspondents(booking.order().id())).isEmpty();

                directory.choosePrescriber(booking.order().id(), chosen);
                assertThat(directory.correspondents(booking.order().id())).extracting(DirectoryContact::rpps,
                        DirectoryContact::mssAddress).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("99700010006", CABINET_BOX));

                // The radiologist validates the CR (the report service as the desktop's wiring builds it).
                Actor doctor = Actor.user(radiologist.id(), radiologist.login());
                new ExamProgressService(demo.core.database, demo.core.audit, demo.core.clock)
                        .complete(booking.step().id(), doctor);
                ReportService reports = new ReportWiring(demo.core).reports;
                ReportVersion draft = reports.createDraft(booking.order().id(), doctor);
                reports.updateDraft(draft.reportId(), new ReportContent("Douleur thoracique.", "Scanner sans injection.",
                        "Pas d'embolie.", "Examen normal."), doctor);
                ReportVersion validated = reports.validate(draft.reportId(), doctor);

                Message mail = awaitMail(mss, CABINET_BOX, demo);
                assertThat(mail.getFrom()[0].toString()).contains("sandbox.mssante.fr");
                assertThat(mail.getSubject()).isNotBlank();
                // The same CR reaches the sandbox DMP (after the deferral) and then the sandbox DRIMbox.
                String uid = validated.documentUid();
                until(() -> dmp.transactions().acceptedSubmissions(uid) == 1, demo);
                assertThat(dmp.transactions().documents(patient.ins().matricule()))
                        .anySatisfy(e -> assertThat(e.uniqueId()).isEqualTo(uid));
                until(() -> drimbox.documents().containsKey(uid), demo);
                assertThat(drimbox.documents().get(uid).patientIns()).isEqualTo(patient.ins().matricule());
            }
        }
    }

    private static void until(java.util.function.BooleanSupplier condition, AssembledDemo demo)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 60 s; outbox:\n" + demo.jobs());
            }
            Thread.sleep(100);
        }
    }

    /** The first mail in the box, read over IMAP (TLS, the sandbox operator's authority), within 60 s. */
    static Message awaitMail(MssSandbox mss, String address, AssembledDemo demo) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(mss.authorityFile())) {
            trust.setCertificateEntry("ac", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        Properties p = new Properties();
        p.put("mail.imaps.ssl.socketFactory", tls.getSocketFactory());
        p.put("mail.imaps.ssl.checkserveridentity", "false");
        p.put("mail.imaps.timeout", "10000");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Store store = Session.getInstance(p).getStore("imaps");
            store.connect(mss.imapUri().getHost(), mss.imapUri().getPort(), address, "bac-a-sable");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                if (inbox.getMessageCount() > 0) {
                    Message m = inbox.getMessage(1);
                    m.getSubject();
                    m.getFrom();
                    return new jakarta.mail.internet.MimeMessage((jakarta.mail.internet.MimeMessage) m);
                }
                inbox.close(false);
            } finally {
                store.close();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no mail in " + address + " within 60 s; outbox:\n" + demo.jobs());
            }
            Thread.sleep(250);
        }
    }
}
