package fr.opaline.it.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.AgendaApi;
import fr.opaline.api.DirectoryApi;
import fr.opaline.api.DirectoryContact;
import fr.opaline.api.QueueApi;
import fr.opaline.api.ReportApi;
import fr.opaline.api.SendChannel;
import fr.opaline.api.SendStatus;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.app.wiring.AccountsWiring;
import fr.opaline.app.wiring.ApiLauncher;
import fr.opaline.app.wiring.ApiWiring;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.episode.CareEpisodeService;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.Role;
import fr.opaline.it.assembly.AssembledDemo;
import fr.opaline.mss.outbound.ManualSends;
import fr.opaline.sandbox.mss.MssSandbox;
import jakarta.mail.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Envoyer par MSSanté" on the practice server as {@code opaline demo} assembles it
 * ({@link AssembledDemo}): a radiologist sends the validated CR to a colleague found in the
 * annuaire santé (the sandbox's FHIR directory); the send is an {@code mss-send} job whose status
 * the report editor and the queue read alike; the mail is read in the colleague's box over IMAP.
 * Refused in French, nothing queued: a draft, a second send to the same box, an address the
 * directory does not give, a patient who opposed sharing; a secretary gets 403.
 */
class ManualMssSendTest {

    static final String HADDAD = "karim.haddad@medecin.sandbox.mssante.fr";
    static final String RADIOLOGIST = "dr.okafor";
    static final ReportContent TEXT = new ReportContent("Lombalgie.", "Scanner sans injection.",
            "Discopathie L4-L5.", "Discopathie L4-L5 sans conflit.");

    @TempDir
    Path home;

    @Test
    void aRadiologistSendsTheValidatedCrToAColleagueFromTheDirectoryWhoReadsItOverImap() throws Exception {
        try (AssembledDemo demo = new AssembledDemo(home, Map.of())) {
            MssSandbox mss = demo.sandbox(MssSandbox.class);
            Room room = demo.room("CT1", Modality.CT);
            ExamType exam = demo.exam("CT-RACHIS", Modality.CT);
            Patient patient = demo.qualifiedPatient("FONTAINE", "Louise", LocalDate.of(1968, 9, 3), Sex.F,
                    "2680975056321");
            AccountsWiring accounts = new AccountsWiring(demo.core);
            accounts.administration.create(Actor.system("test"), new NewAccount(RADIOLOGIST, "Dr Samuel OKAFOR",
                    Role.RADIOLOGUE, "99700000001", "10", null), "Provisoire-0000-x".toCharArray());
            accounts.authentication.changePassword(RADIOLOGIST, "Provisoire-0000-x".toCharArray(),
                    AssembledDemo.PASSWORD.toCharArray(), null);
            demo.start();
            try (ApiClient desk = demo.signedIn(); ApiClient doctor = radiologist(demo)) {
                Booking booking = desk.api(AgendaApi.class).book(new BookingRequest(patient.id(), room.id(), exam.id(),
                        Instant.now().minus(Duration.ofHours(1)), "Dr Martin", null, "Lombalgie.", null));
                var step = booking.step().id();
                List<DirectoryContact> found = doctor.api(DirectoryApi.class).search("HADDAD", null);
                DirectoryContact haddad = found.stream().filter(c -> HADDAD.equals(c.mssAddress())).findFirst()
                        .orElseThrow();

                doctor.api(ReportApi.class).saveDraft(step, TEXT);
                assertRefused(() -> doctor.api(DirectoryApi.class).sendReport(step, haddad), 422,
                        "Seul un compte rendu validé");
                doctor.api(ReportApi.class).validate(step, TEXT, "Examen réalisé, non pointé (test)");

                assertRefused(() -> desk.api(DirectoryApi.class).sendReport(step, haddad), 403,
                        "ne permet pas de transmettre un compte rendu validé par MSSanté");
                assertRefused(() -> doctor.api(DirectoryApi.class).sendReport(step, new DirectoryContact(haddad.rpps(),
                        haddad.displayName(), null, null, null, "pirate@example.org", null)), 422,
                        "ne donne pas l'adresse");

                SendStatus queued = doctor.api(DirectoryApi.class).sendReport(step, haddad);
                assertThat(queued.channel()).isEqualTo(SendChannel.MSSANTE);
                assertThat(queued.state()).isNotNull();
                assertThat(queued.subject()).contains("HADDAD");
                assertRefused(() -> doctor.api(DirectoryApi.class).sendReport(step, haddad), 422,
                        "déjà été adressé à " + HADDAD);

                Message mail = PrescriberFromDirectoryTest.awaitMail(mss, HADDAD, demo);
                assertThat(mail.getSubject()).contains("FONTAINE Louise");
                // One status, one source: the editor's MSSanté status and the queue's line are the same job.
                SendStatus sent = awaitSent(doctor, step, demo);
                assertThat(sent.subject()).isEqualTo(queued.subject());
                assertThat(desk.api(QueueApi.class).jobs(Set.of(), 50)).filteredOn(e -> e.job().subject()
                        .equals(queued.subject())).singleElement().satisfies(e -> {
                            assertThat(e.job().type()).isEqualTo("mss-send");
                            assertThat(e.job().state()).isEqualTo(JobState.DONE);
                        });
                assertThat(demo.core.audit.latest(50)).extracting(a -> a.action()).contains(ManualSends.AUDIT_REQUESTED);

                // The patient opposes the sharing of their documents: no further send.
                demo.core.database.inTransactionRun(ctx -> {
                    CareEpisode open = new CareEpisodeService(demo.core.database, demo.core.audit, demo.core.ids,
                            demo.core.clock).currentOrOpen(ctx, patient.id(), Actor.system("test"));
                    new CareEpisodeRepository(ctx).update(new CareEpisode(open.id(), open.patientId(), open.openedAt(),
                            open.closedAt(), true, true, open.consultationConsent(), open.consentRecordedAt(),
                            open.consentRecordedBy(), open.breakGlassAt(), open.breakGlassBy(), open.breakGlassReason(),
                            open.rowVersion()));
                });
                DirectoryContact moreau = doctor.api(DirectoryApi.class).search("MOREAU", null).get(0);
                int jobs = desk.api(QueueApi.class).jobs(Set.of(), 200).size();
                assertRefused(() -> doctor.api(DirectoryApi.class).sendReport(step, moreau), 422,
                        "opposé au partage");
                assertThat(desk.api(QueueApi.class).jobs(Set.of(), 200)).hasSize(jobs);
            }
        }
    }

    private static ApiClient radiologist(AssembledDemo demo) {
        ApiLauncher launcher = demo.service(ApiLauncher.class);
        ApiClient api = ApiWiring.connect(demo.core.config, launcher.uri(), launcher.fingerprint());
        api.api(SessionApi.class).signIn(RADIOLOGIST, AssembledDemo.PASSWORD.toCharArray(), null);
        return api;
    }

    private static SendStatus awaitSent(ApiClient doctor, java.util.UUID step, AssembledDemo demo) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            SendStatus s = doctor.api(ReportApi.class).sends(step).get(SendChannel.MSSANTE);
            if (s.state() == JobState.DONE) {
                return s;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("MSSanté status " + s + "; outbox:\n" + demo.jobs());
            }
            Thread.sleep(200);
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status,
                                      String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
