package fr.opaline.hl7.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.MutableClock;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.outbox.OutboxWorker;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.statistics.DocumentType;
import fr.opaline.core.statistics.Indicator;
import fr.opaline.core.statistics.UsageStatistics;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.SampleReport;
import fr.opaline.hl7.message.AckCode;
import fr.opaline.hl7.message.Acks;
import fr.opaline.hl7.message.Hl7Error;
import fr.opaline.hl7.message.MshHeader;
import fr.opaline.hl7.mllp.MllpServer;
import fr.opaline.hl7.mllp.MllpServerSettings;
import fr.opaline.hl7.pam.PatientMerge;
import fr.opaline.hl7.sent.Hl7Sender;
import fr.opaline.hl7.sent.SentMessageLog;
import fr.opaline.hl7.transmission.ReportTransmissions;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.Hl7PeerDeclaration;
import fr.opaline.ins.trust.TrustedCorrespondents;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three outbound routes of a declared HL7 peer, each against an MLLP peer started here on
 * loopback (port 0) that parses every message with HAPI (its own context, strict on the message
 * structure) and answers an ACK:
 * <ul>
 * <li>ADT: IHE PAM FR ITI-30 identity feed, A28 on creation, A31 on change, A40 on merge (MRG-1
 * the merged IPP); PID as the ANS annexe INS and the DRIMbox referencing dataset show it
 * (/work/shared/fixtures/drimbox-referencing/CR_C-ORU.structure.er7: PID-3 IPP ^^^…&ISO^PI, PID-5
 * birth name with type L, PID-32 identity status);</li>
 * <li>ORM^O01 to a PACS: NW on booking, XO on move, CA on cancellation (ORC-1, ORC-5 SC/CA,
 * OBR-18 accession number, ZDS-1 Study Instance UID);</li>
 * <li>PFI: ORU^R01 v2.5 of the CI-SIS "Transmission de documents CDA en HL7v2" 2.1
 * (/work/shared/specs/hl7v2-transmission-documents-cda/exemples.md and the DRIMbox referencing dataset
 * CR_C-ORU: MSH-21 2.1^CISIS_CDA_HL7_V2, OBX-1 ED 18748-4 with the CDA in base64, OBX 7
 * DESTDMP^Destinataire DMP^MetaDMPMSS = Y for a patient whose CR goes to the DMP);</li>
 * </ul>
 * a send while the peer is down is retried and delivered once; AE stops the job (failed, for a
 * person), AR is retried (the outbox rules of {@link Hl7Sender}).
 */
class Hl7RoutesTest {

    static final Actor ADMIN = Actor.system("test-admin");

    TestDatabases.TestDatabase db;
    MutableClock clock;
    CoreFixture core;
    TrustedCorrespondents peers;
    Hl7Routes routes;
    OutboxWorker worker;
    Hl7Sender sender;
    final List<MllpServer> servers = new ArrayList<>();
    final List<Message> received = new CopyOnWriteArrayList<>();
    final Map<String, Integer> controlIds = new ConcurrentHashMap<>();
    final AtomicReference<AckCode> answer = new AtomicReference<>(AckCode.AA);
    final HapiContext hapi = new DefaultHapiContext(ValidationContextFactory.noValidation());

    @BeforeEach
    void setUp() {
        db = TestDatabases.h2();
        clock = new MutableClock(Instant.parse("2026-03-02T10:15:00Z"), CoreFixture.PARIS);
        core = new CoreFixture(db.database(), clock);
        peers = new TrustedCorrespondents(db.database(), core.audit, core.ids, clock);
        routes = new Hl7Routes(db.database(), peers, core.audit, core.ids, clock);
        RouteTriggers triggers = new RouteTriggers(core.outbox);
        core.patients.addChangeListener(triggers);
        core.booking.addListener(triggers);
        sender = new Hl7Sender(new SentMessageLog(db.database(), core.ids, clock));
        worker = new OutboxWorker(core.outbox, "test", 1, Duration.ofMinutes(1), Duration.ofSeconds(1));
    }

    void registerHandlers(ReportTransmissions transmissions) {
        registerHandlers(transmissions, false);
    }

    void registerHandlers(ReportTransmissions transmissions, boolean dmpFedByOpaline) {
        var settings = new RouteSender.Settings(new PracticeSettings(db.database()).profile(), "OPALINE", "CABINET",
                StandardCharsets.UTF_8, () -> null, Duration.ofSeconds(2), Duration.ofSeconds(5), dmpFedByOpaline);
        RouteSender.handlers(db.database(), transmissions, settings, sender, clock).forEach(worker::register);
    }

    @AfterEach
    void tearDown() throws Exception {
        sender.close();
        servers.forEach(s -> s.stop(Duration.ofMillis(200)));
        db.close();
    }

    /** An MLLP peer on loopback that parses with HAPI and answers the ACK asked for. */
    MllpServer peer(int port) throws Exception {
        MllpServer server = new MllpServer("pacs", MllpServerSettings.loopback(port), (frame, remote) -> {
            String text = new String(frame.content(), StandardCharsets.UTF_8);
            MshHeader h = MshHeader.read(frame.content()).orElseThrow();
            try {
                received.add(hapi.getPipeParser().parse(text));
            } catch (Exception e) {
                return Acks.build(h, AckCode.AE, List.of(Hl7Error.of(Hl7Error.REQUIRED_FIELD_MISSING, e.getMessage())))
                        .getBytes(StandardCharsets.UTF_8);
            }
            controlIds.merge(h.controlId(), 1, Integer::sum);
            AckCode code = answer.get();
            return Acks.build(h, code, code == AckCode.AA ? List.of()
                    : List.of(Hl7Error.of(Hl7Error.REQUIRED_FIELD_MISSING, "Champ obligatoire absent")))
                    .getBytes(StandardCharsets.UTF_8);
        });
        server.start();
        servers.add(server);
        return server;
    }

    void declarePeer(String application) {
        peers.addHl7Peer(new Hl7PeerDeclaration("PACS du cabinet", Channel.HL7, application, "IMAGERIE",
                List.of("127.0.0.1"), null, null, false, null), ADMIN);
    }

    int drain() {
        int n = 0;
        while (worker.runOne()) {
            n++;
        }
        return n;
    }

    List<OutboxJob> jobs(Hl7RouteKind kind) {
        return core.outbox.list(java.util.Set.of(kind.jobType()), java.util.EnumSet.allOf(JobState.class), null, 100);
    }

    static String get(Message m, String path) throws Exception {
        return new Terser(m).get(path);
    }

    /** The segments named so, in order, wherever they are in the message's groups. */
    static List<Segment> segments(Group g, String name) throws Exception {
        List<Segment> out = new ArrayList<>();
        for (String n : g.getNames()) {
            for (Structure s : g.getAll(n)) {
                if (s instanceof Segment seg && seg.getName().equals(name)) {
                    out.add(seg);
                } else if (s instanceof Group sub) {
                    out.addAll(segments(sub, name));
                }
            }
        }
        return out;
    }

    static String field(Segment s, int field, int component) throws Exception {
        return Terser.get(s, field, 0, component, 1);
    }

    @Test
    void adtRouteSendsCreationUpdateAndMergeOfIdentities() throws Exception {
        registerHandlers(null);
        MllpServer pacs = peer(0);
        declarePeer("PACS-APP");
        Hl7Route route = routes.declare("pacs-app", "adt", "127.0.0.1", pacs.port(), false, ADMIN);
        assertThat(route.describe()).contains("adt → 127.0.0.1:" + pacs.port());

        Patient martin = core.patient("MARTIN", "JEANNE", LocalDate.of(1971, 5, 3), Sex.F);
        clock.advance(Duration.ofSeconds(1));
        core.patients.update(martin.id(), p -> p.withContact(p.contact()), "Coordonnées modifiées", core.secretary);
        clock.advance(Duration.ofSeconds(1));
        Patient twin = core.patient("MARTIN", "JEANNE", LocalDate.of(1971, 5, 3), Sex.F);
        clock.advance(Duration.ofSeconds(1));
        db.database().inTransactionRun(ctx -> new PatientMerge(core.audit, core.patients)
                .merge(ctx, martin.id(), twin.id(), core.secretary, "test"));
        assertThat(drain()).isEqualTo(4);

        assertThat(received).hasSize(4);
        Message a28 = received.get(0);
        // IHE PAM FR ITI-30: identity creation A28 (structure ADT_A05), HL7 v2.5
        assertThat(get(a28, "/MSH-9-1") + "^" + get(a28, "/MSH-9-2") + "^" + get(a28, "/MSH-9-3"))
                .isEqualTo("ADT^A28^ADT_A05");
        assertThat(get(a28, "/MSH-12")).isEqualTo("2.5");
        assertThat(get(a28, "/MSH-5")).isEqualTo("PACS-APP");
        assertThat(get(a28, "/MSH-6")).isEqualTo("IMAGERIE");
        assertThat(get(a28, "/PID-3-1")).isEqualTo(martin.ipp());
        assertThat(get(a28, "/PID-3-5")).isEqualTo("PI");
        assertThat(get(a28, "/PID-5-1")).isEqualTo("MARTIN");
        assertThat(get(a28, "/PID-5-7")).isEqualTo("L");
        assertThat(get(a28, "/PID-7")).isEqualTo("19710503");
        assertThat(get(a28, "/PID-32")).isEqualTo("PROV");
        assertThat(get(a28, "/PV1-2")).isEqualTo("N");
        Message a31 = received.get(1);
        assertThat(get(a31, "/MSH-9-2")).isEqualTo("A31");
        assertThat(get(a31, "/PID-3-1")).isEqualTo(martin.ipp());
        assertThat(get(received.get(2), "/MSH-9-2")).isEqualTo("A28");
        Message a40 = received.get(3);
        assertThat(get(a40, "/MSH-9-2") + "^" + get(a40, "/MSH-9-3")).isEqualTo("A40^ADT_A39");
        assertThat(get(a40, "/PATIENT/PID-3-1")).isEqualTo(martin.ipp());
        assertThat(get(a40, "/PATIENT/MRG-1-1")).isEqualTo(twin.ipp());
        assertThat(jobs(Hl7RouteKind.ADT)).extracting(OutboxJob::state).containsOnly(JobState.DONE);
    }

    @Test
    void aPatientsMessagesLeaveInTheOrderOfTheChangesEvenWhenTheFirstIsRetried() throws Exception {
        registerHandlers(null);
        MllpServer pacs = peer(0);
        declarePeer("PACS-APP");
        routes.declare("PACS-APP", "adt", "127.0.0.1", pacs.port(), false, ADMIN);
        answer.set(AckCode.AR);
        Patient p = core.patient("LEROY", "ANNE", LocalDate.of(1980, 2, 1), Sex.F);
        clock.advance(Duration.ofSeconds(1));
        core.patients.update(p.id(), x -> x.withContact(x.contact()), "Coordonnées modifiées", core.secretary);
        assertThat(drain()).isEqualTo(2);
        assertThat(received).hasSize(1);
        assertThat(get(received.get(0), "/MSH-9-2")).isEqualTo("A28");
        assertThat(jobs(Hl7RouteKind.ADT)).extracting(OutboxJob::lastError)
                .anySatisfy(e -> assertThat(e).contains("En attente de l'envoi du message précédent"));
        answer.set(AckCode.AA);
        clock.advance(Duration.ofMinutes(1));
        drain();
        clock.advance(Duration.ofMinutes(1));
        drain();
        assertThat(received).extracting(m -> {
            try {
                return get(m, "/MSH-9-2");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).containsExactly("A28", "A28", "A31");
        assertThat(jobs(Hl7RouteKind.ADT)).extracting(OutboxJob::state).containsOnly(JobState.DONE);
    }

    @Test
    void ormRouteFollowsBookingMoveAndCancellationAndAppliesTheAckRules() throws Exception {
        registerHandlers(null);
        MllpServer pacs = peer(0);
        declarePeer("PACS-APP");
        routes.declare("PACS-APP", "ORM", "127.0.0.1", pacs.port(), false, ADMIN);
        var room = core.room("CT1", Modality.CT);
        var exam = core.exam("CT-THX", Modality.CT, 15);
        Patient p = db.database().inTransaction(ctx -> core.patients.create(ctx,
                fr.opaline.core.patient.NewPatient.of(fr.opaline.core.patient.IdentityTraits.of("DUBOIS", "PAUL",
                        LocalDate.of(1960, 1, 2), Sex.M, "75056")), core.secretary));
        Instant start = Instant.parse("2026-03-03T09:00:00Z");
        Booking b = core.booking.book(new BookingRequest(p.id(), room.id(), exam.id(), start, "Dr Moreau",
                "99700010001", "Toux", null), core.secretary);
        assertThat(drain()).isEqualTo(1);
        Message nw = received.get(0);
        assertThat(get(nw, "/MSH-9-1") + "^" + get(nw, "/MSH-9-2")).isEqualTo("ORM^O01");
        assertThat(get(nw, "/MSH-12")).isEqualTo("2.5.1");
        assertThat(get(nw, "/PATIENT/PID-3-1")).isEqualTo(p.ipp());
        assertThat(get(nw, "/ORDER/ORC-1")).isEqualTo("NW");
        assertThat(get(nw, "/ORDER/ORC-2-1")).isEqualTo(b.order().placerOrderNumber());
        assertThat(get(nw, "/ORDER/ORC-3-1")).isEqualTo(b.order().accessionNumber());
        assertThat(get(nw, "/ORDER/ORC-5")).isEqualTo("SC");
        assertThat(get(nw, "/ORDER/ORDER_DETAIL/OBR-4-1")).isEqualTo("CT-THX");
        assertThat(get(nw, "/ORDER/ORDER_DETAIL/OBR-18")).isEqualTo(b.order().accessionNumber());
        assertThat(get(nw, "/ORDER/ORDER_DETAIL/OBR-20")).isEqualTo(b.step().stepId());
        assertThat(get(nw, "/ORDER/ORDER_DETAIL/OBR-24")).isEqualTo("CT");
        assertThat(get(nw, "/ORDER/ORDER_DETAIL/OBR-27-4")).isEqualTo("20260303100000");
        assertThat(nw.encode()).contains("ZDS|" + b.step().studyInstanceUid() + "^100^Application^DICOM");

        // AR: the PACS could not take it now; the job is retried and delivered when it answers AA.
        answer.set(AckCode.AR);
        core.booking.move(b.appointment().id(), start.plus(Duration.ofHours(2)), null, core.secretary);
        assertThat(drain()).isEqualTo(1);
        OutboxJob xo = jobs(Hl7RouteKind.ORM).stream().filter(j -> j.state() == JobState.PENDING).findFirst().orElseThrow();
        assertThat(xo.lastError()).contains("AR");
        answer.set(AckCode.AA);
        clock.advance(Duration.ofMinutes(1));
        assertThat(drain()).isEqualTo(1);
        assertThat(core.outbox.find(xo.id()).orElseThrow().state()).isEqualTo(JobState.DONE);
        Message xoMessage = received.get(received.size() - 1);
        assertThat(get(xoMessage, "/ORDER/ORC-1")).isEqualTo("XO");
        assertThat(get(xoMessage, "/ORDER/ORDER_DETAIL/OBR-27-4")).isEqualTo("20260303120000");

        // AE: the PACS refuses the message itself; sending it again would not help: failed, for a person.
        answer.set(AckCode.AE);
        core.booking.cancel(b.appointment().id(), "Annulé par le patient", core.secretary);
        assertThat(drain()).isEqualTo(1);
        OutboxJob ca = jobs(Hl7RouteKind.ORM).stream().filter(j -> j.state() == JobState.FAILED).findFirst().orElseThrow();
        assertThat(ca.lastError()).contains("AE");
        assertThat(get(received.get(received.size() - 1), "/ORDER/ORC-1")).isEqualTo("CA");
        clock.advance(Duration.ofHours(2));
        assertThat(drain()).isZero();
        assertThat(controlIds.values()).containsOnly(1, 2, 1).hasSize(3);
    }

    @Test
    void pfiRouteSendsTheValidatedCrWithDestDmpAfterThePeerCameBackAndCountsIt() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        declarePeer("PFI-APP");
        routes.declare("PFI-APP", "pfi", "127.0.0.1", port, false, ADMIN);
        SampleReport.Result sample = SampleReport.create(db.database(), clock, new DrimboxLinkTemplate(
                "https://drimbox.exemple.fr/viewer?study={studyInstanceUid}", Duration.ofDays(365)),
                List.of(new RouteTriggers(core.outbox)));
        registerHandlers(new ReportTransmissions(sample.loader(), clock));

        // The PFI is down: the job is kept and retried.
        assertThat(drain()).isEqualTo(1);
        OutboxJob job = jobs(Hl7RouteKind.PFI).get(0);
        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.lastError()).contains("injoignable");
        assertThat(received).isEmpty();

        peer(port);
        clock.advance(Duration.ofMinutes(1));
        assertThat(drain()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(drain()).isZero();
        assertThat(core.outbox.find(job.id()).orElseThrow().state()).isEqualTo(JobState.DONE);
        assertThat(received).hasSize(1);
        assertThat(controlIds.values()).containsExactly(1);

        Message oru = received.get(0);
        assertThat(oru.getName()).isEqualTo("ORU_R01");
        assertThat(get(oru, "/MSH-9-1") + "^" + get(oru, "/MSH-9-2") + "^" + get(oru, "/MSH-9-3"))
                .isEqualTo("ORU^R01^ORU_R01");
        assertThat(get(oru, "/MSH-12")).isEqualTo("2.5");
        assertThat(get(oru, "/MSH-21-1") + "^" + get(oru, "/MSH-21-2")).isEqualTo("2.1^CISIS_CDA_HL7_V2");
        assertThat(get(oru, "/MSH-5")).isEqualTo("PFI-APP");
        List<Segment> pid = segments(oru, "PID");
        assertThat(field(pid.get(0), 3, 5)).isEqualTo("INS");
        List<Segment> obx = segments(oru, "OBX");
        assertThat(field(obx.get(0), 2, 1)).isEqualTo("ED");
        assertThat(field(obx.get(0), 3, 1)).isEqualTo("18748-4");
        String cda = new String(Base64.getDecoder().decode(field(obx.get(0), 5, 5)), StandardCharsets.UTF_8);
        assertThat(cda).contains(sample.version().documentUid().substring(0, 10));
        Segment destDmp = obx.stream().filter(s -> {
            try {
                return "DESTDMP".equals(field(s, 3, 1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        // As in the ANS examples and the DRIMbox referencing dataset (OBX 7, MetaDMPMSS, expandedYes-NoIndicator).
        assertThat(field(destDmp, 1, 1)).isEqualTo("7");
        assertThat(field(destDmp, 3, 3)).isEqualTo("MetaDMPMSS");
        assertThat(field(destDmp, 5, 1)).isEqualTo("Y");
        assertThat(field(destDmp, 5, 3)).isEqualTo("expandedYes-NoIndicator");

        // "Transmis à la PFI" counts the CR acknowledged AA by the PFI route.
        var report = new UsageStatistics(db.database(), new PracticeSettings(db.database()).profile(), clock)
                .report(YearMonth.of(2026, 3), YearMonth.of(2026, 3));
        assertThat(report.count(YearMonth.of(2026, 3), DocumentType.CR_IMAGERIE, Indicator.DMP_TRANSMIS_PFI))
                .isEqualTo(1);

        // A retraction goes to the PFI as a deletion (ORC-1 CA) and is not one more CR transmitted.
        sample.reports().retract(sample.version().reportId(), "Erreur de patient",
                Actor.user(sample.radiologist().id(), sample.radiologist().login()));
        clock.advance(Duration.ofSeconds(1));
        assertThat(drain()).isEqualTo(1);
        Message deletion = received.get(1);
        assertThat(field(segments(deletion, "ORC").get(0), 1, 1)).isEqualTo("CA");
        assertThat(new SentMessageLog(db.database(), core.ids, clock).forDocument(sample.version().documentUid()))
                .extracting(SentMessageLog.Sent::destination).containsExactlyInAnyOrder("PFI", "PFI (suppression)");
        var after = new UsageStatistics(db.database(), new PracticeSettings(db.database()).profile(), clock)
                .report(YearMonth.of(2026, 3), YearMonth.of(2026, 3));
        assertThat(after.count(YearMonth.of(2026, 3), DocumentType.CR_IMAGERIE, Indicator.DMP_TRANSMIS_PFI))
                .isEqualTo(1);
    }

    /** An installation that feeds the DMP itself (dmp.url) asks the PFI not to: DESTDMP N, no double feed. */
    @Test
    void destDmpIsNWhenOpalineFeedsTheDmpItself() throws Exception {
        MllpServer pfi = peer(0);
        declarePeer("PFI-APP");
        routes.declare("PFI-APP", "pfi", "127.0.0.1", pfi.port(), false, ADMIN);
        SampleReport.Result sample = SampleReport.create(db.database(), clock, new DrimboxLinkTemplate(
                "https://drimbox.exemple.fr/viewer?study={studyInstanceUid}", Duration.ofDays(365)),
                List.of(new RouteTriggers(core.outbox)));
        registerHandlers(new ReportTransmissions(sample.loader(), clock), true);
        assertThat(drain()).isEqualTo(1);
        Segment destDmp = segments(received.get(0), "OBX").stream().filter(s -> {
            try {
                return "DESTDMP".equals(field(s, 3, 1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertThat(field(destDmp, 5, 1)).isEqualTo("N");
    }

    @Test
    void badRoutesAreRefusedInFrenchAndChangeNothing() {
        declarePeer("PACS-APP");
        assertThatThrownBy(() -> routes.declare("PACS-APP", "hl8", "127.0.0.1", 2575, false, ADMIN))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("Type de route HL7 inconnu");
        assertThatThrownBy(() -> routes.declare("PACS-APP", "adt", "pacs exemple", 2575, false, ADMIN))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("Hôte invalide");
        assertThatThrownBy(() -> routes.declare("PACS-APP", "adt", "pacs.exemple.fr", 70000, false, ADMIN))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("Port invalide");
        assertThatThrownBy(() -> routes.declare("INCONNU", "adt", "pacs.exemple.fr", 2575, false, ADMIN))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("Pair HL7 introuvable");
        assertThat(routes.list()).isEmpty();
        routes.declare("PACS-APP", "adt", "pacs.exemple.fr", 2575, true, ADMIN);
        routes.declare("PACS-APP", "adt", "pacs2.exemple.fr", 2576, false, ADMIN);
        assertThat(routes.list()).singleElement().satisfies(r -> {
            assertThat(r.host()).isEqualTo("pacs2.exemple.fr");
            assertThat(r.tls()).isFalse();
        });
        routes.remove("PACS-APP", "adt", ADMIN);
        assertThat(routes.list()).isEmpty();
    }
}
