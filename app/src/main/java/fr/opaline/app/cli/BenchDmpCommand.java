package fr.opaline.app.cli;

import static fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB;

import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.OutboxWorker;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.dmp.DmpChanges;
import fr.opaline.dmp.DmpUser;
import fr.opaline.dmp.authorization.DmpAuthorizations;
import fr.opaline.dmp.client.DmpClient;
import fr.opaline.dmp.client.DmpEndpoints;
import fr.opaline.dmp.client.HttpDmpTransport;
import fr.opaline.dmp.consent.ConsentDecision;
import fr.opaline.dmp.consent.ConsentGuard;
import fr.opaline.dmp.consent.ConsentOrigin;
import fr.opaline.dmp.consent.DmpConsentService;
import fr.opaline.dmp.consultation.DmpConsultationService;
import fr.opaline.dmp.consultation.RecordOpening;
import fr.opaline.dmp.feeding.DmpFeedHandler;
import fr.opaline.dmp.feeding.DmpFeedPayload;
import fr.opaline.dmp.feeding.DmpJobTypes;
import fr.opaline.dmp.feeding.FeedAction;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.sandbox.dmp.SandboxDocuments;
import fr.opaline.sandbox.pki.SandboxPki;
import fr.opaline.dmp.tls.PracticeCredentials;
import fr.opaline.dmp.vihf.AccessAuthentication;
import fr.opaline.dmp.vihf.VihfSigner;
import fr.opaline.dmp.vihf.VihfStructure;
import fr.opaline.dmp.xds.ProvideAndRegisterRequest;
import fr.opaline.dmp.xds.XdsVocabulary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * DMP figures against a sandbox DMP started for the run (mutual TLS on the loopback), on an
 * in-memory database: the time for the feeding worker to drain N queued CRs into the DMP, and the
 * time from opening a patient's record to the counts (TD0.2 + ITI-18, plus TD0.4 the first time).
 */
@Command(name = "dmp", description = "DMP : temps de vidage de N envois en file vers le bac à sable DMP, et temps entre "
        + "l'ouverture du dossier et l'affichage des compteurs.")
final class BenchDmpCommand extends Subcommand implements Callable<Integer> {

    private static final String STRUCTURE = "1690000013";
    private static final String RPPS = "99700000000";

    @Option(names = "--reports", defaultValue = "1000", description = "CR mis en file (défaut : ${DEFAULT-VALUE}).")
    int reports;

    @Option(names = "--threads", defaultValue = "4", description = "Fils du worker (défaut : ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--opens", defaultValue = "50", description = "Ouvertures de dossier mesurées (défaut : ${DEFAULT-VALUE}).")
    int opens;

    @Option(names = "--documents", defaultValue = "20", description = "Documents de tiers par DMP ouvert (défaut : ${DEFAULT-VALUE}).")
    int documents;

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemUTC();
        IdGenerator ids = IdGenerator.timeOrdered(clock);
        SandboxPki pki = DmpSandbox.pki(STRUCTURE);
        DmpSandbox sandbox = new DmpSandbox(0, pki, null, clock, false);
        sandbox.start();
        String url = "jdbc:h2:mem:bench" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (Database database = Database.openAndMigrate(new DatabaseSettings(url, "sa", "", threads + 4))) {
            CoreServices core = CoreServices.over(config(), database, clock, ids);
            char[] password = SandboxPki.PASSWORD.toCharArray();
            PracticeCredentials credentials = PracticeCredentials.of(pki.practiceKeyStore(), password, pki.trustStore());
            PracticeCredentials signing = PracticeCredentials.of(pki.practiceSignatureKeyStore(), password, null);
            DmpClient client = new DmpClient(new DmpEndpoints(sandbox.endpoint()),
                    new HttpDmpTransport(credentials.clientContext(), Duration.ofSeconds(2), Duration.ofSeconds(30),
                            64L * 1024 * 1024),
                    new VihfSigner(signing.key(), signing.certificate(), new VihfStructure(STRUCTURE,
                            "SA08^1.2.250.1.71.4.2.4", "opaline-bench", "Opaline", "bench", "OPALINE-BENCH")),
                    new DmpClient.Source("1.2.3.4.5.8", "Opaline", new ProvideAndRegisterRequest.Source("1.2.3.4.5",
                            XdsVocabulary.CONTENT_TYPE_EXTERNAL_CARE)), clock);
            UserAccount radiologist = new UserAccount(ids.newId(), "bench.radiologue", "Dr Claire Lambert",
                    Role.RADIOLOGUE, RPPS, "10", "SM44", true, clock.instant());
            database.inTransactionRun(ctx -> new UserRepository(ctx).insert(radiologist));
            Actor actor = Actor.user(radiologist.id(), radiologist.login());

            out().println("Préparation : " + reports + " CR en file, " + opens + " dossiers de " + documents
                    + " documents de tiers…");
            out().flush();
            List<Patient> patients = new ArrayList<>();
            for (int i = 0; i < Math.max(opens, 1); i++) {
                patients.add(patient(core, database, i, actor));
            }
            for (int i = 0; i < reports; i++) {
                enqueue(core, database, ids, patients.get(i % patients.size()), i, actor);
            }

            OutboxWorker worker = new OutboxWorker(core.outbox, "bench-dmp", threads, Duration.ofMinutes(1),
                    Duration.ofMillis(20)).register(new DmpFeedHandler(database, client, core.outbox, ids, clock, STRUCTURE));
            long start = System.nanoTime();
            worker.start();
            while (database.dsl().fetchCount(OUTBOX_JOB, OUTBOX_JOB.JOB_TYPE.eq(DmpJobTypes.FEED)
                    .and(OUTBOX_JOB.STATE.in(JobState.PENDING.name(), JobState.LEASED.name()))) > 0) {
                Thread.sleep(20);
            }
            double drained = (System.nanoTime() - start) / 1e9;
            worker.stop(Duration.ofSeconds(5));
            int done = database.dsl().fetchCount(OUTBOX_JOB, OUTBOX_JOB.JOB_TYPE.eq(DmpJobTypes.FEED)
                    .and(OUTBOX_JOB.STATE.eq(JobState.DONE.name())));
            int accepted = sandbox.transactions().acceptedSubmissions().values().stream().mapToInt(Integer::intValue).sum();
            out().printf("Alimentation : %d CR envoyés en %.1f s (%.1f CR/s, %d fils) ; acceptés par le DMP : %d%n",
                    done, drained, done / drained, threads, accepted);

            for (Patient p : patients) {
                for (int d = 0; d < documents; d++) {
                    byte[] cda = SandboxDocuments.cda(new SandboxDocuments.Spec("1.2.250.1.999." + p.ipp() + "." + d,
                            "1.2.250.1.999." + p.ipp() + "." + d + ".s", 1, "11488-4", "CR de consultation",
                            "Compte rendu " + d, "10000000001", "Paul", "MARTIN", "1750000099", "Clinique du Parc",
                            clock.instant().minus(Duration.ofDays(d + 1)), "Texte"), p.ins().matricule(), p.ins().oid());
                    sandbox.transactions().addThirdPartyDocument(p.ins(), cda,
                            SandboxDocuments.metadata(cda, d % 5 == 0, false), clock.instant());
                }
            }
            DmpChanges changes = new DmpChanges();
            ConsentGuard guard = new ConsentGuard(database, clock);
            DmpAuthorizations authorizations = new DmpAuthorizations(database, client, core.audit, ids, clock);
            DmpConsultationService consultation = new DmpConsultationService(database, guard, client, authorizations,
                    core.audit, changes, ids, clock, STRUCTURE);
            DmpUser user = new DmpUser(radiologist, AccessAuthentication.AIR_SIMPLIFIE, null);
            long[] first = new long[patients.size()];
            long[] again = new long[patients.size()];
            int counted = 0;
            for (int i = 0; i < patients.size(); i++) {
                long t0 = System.nanoTime();
                RecordOpening opening = consultation.open(patients.get(i).id(), user, actor);
                first[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                opening = consultation.open(patients.get(i).id(), user, actor);
                again[i] = System.nanoTime() - t0;
                counted += opening.counts().total();
            }
            out().printf("Ouverture du dossier → compteurs (%d dossiers de %d documents, %d comptés) :%n", patients.size(),
                    documents, counted);
            out().printf("  première ouverture (TD0.2 + TD0.4 + ITI-18) : p50 %.1f ms, p95 %.1f ms%n",
                    percentile(first, 50), percentile(first, 95));
            out().printf("  ouvertures suivantes (TD0.2 + ITI-18)       : p50 %.1f ms, p95 %.1f ms%n",
                    percentile(again, 50), percentile(again, 95));
            return 0;
        } finally {
            sandbox.stop(Duration.ZERO);
        }
    }

    private static Patient patient(CoreServices core, Database database, int i, Actor actor) {
        Patient created = core.patients.create(NewPatient.of(IdentityTraits.of("BENCH" + i, "Anne",
                LocalDate.of(1970, 1, 1).plusDays(i), Sex.F, "75056")), actor);
        InsNumber ins = new InsNumber(String.format("2700175%06d%02d", i, 11), InsNumber.OID_TEST_NIR);
        Patient qualified = database.inTransaction(ctx -> new PatientRepository(ctx).update(created.withIdentity(
                created.traits(), ins, IdentityStatus.QUALIFIEE, created.attributes(), "CNI", Instant.now()), Instant.now()));
        new DmpConsentService(database, core.audit, core.ids, core.clock, core.episodes, new DmpChanges())
                .record(qualified.id(), ConsentDecision.consents(), ConsentOrigin.DESK, actor);
        return qualified;
    }

    private static void enqueue(CoreServices core, Database database, IdGenerator ids, Patient patient, int i,
                                Actor actor) {
        String uid = "1.2.250.1.998." + i;
        byte[] cda = SandboxDocuments.cda(new SandboxDocuments.Spec(uid, uid + ".s", 1, "18748-4",
                "CR d'imagerie médicale", "Scanner thoracique", RPPS, "Claire", "LAMBERT", STRUCTURE,
                "Centre d'imagerie (banc d'essai)", Instant.now(), "Compte rendu " + i), patient.ins().matricule(),
                patient.ins().oid());
        ClinicalDocument doc = new ClinicalDocument(ids.newId(), patient.id(), uid, uid + ".s", 1, "18748-4",
                "Scanner thoracique", Instant.now(), "Claire LAMBERT", RPPS, Provenance.LOCAL, DocumentStatus.CURRENT,
                false, false, "text/xml", cda, null, Instant.now());
        DmpFeedPayload payload = new DmpFeedPayload(FeedAction.INITIAL, doc.id(), patient.id(), uid, uid + ".s", 1, null,
                false, false);
        database.inTransactionRun(ctx -> {
            new DocumentRepository(ctx).insertIfAbsent(doc);
            core.outbox.enqueue(ctx, JobRequest.of(DmpJobTypes.FEED, payload.toJson())
                    .idempotencyKey(payload.idempotencyKey()).about(patient.id(), "CR " + i), actor);
        });
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
