package fr.opaline.documents.report;

import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.episode.CareEpisodeService;
import fr.opaline.core.patient.ContactDetails;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportService;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.scheduling.BookingService;
import fr.opaline.core.uid.UidGenerator;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.ins.matricule.MatriculeKey;
import java.time.Clock;
import java.time.LocalDate;

/**
 * A complete fictitious CR, made the way a practice makes one: practice settings, a radiologist,
 * a CT room, the exam "Scanner thoracique", a patient with a qualified test INS and an accented
 * used name, a booking, a draft pre-filled from the order, the text, the validation by RPPS.
 * The documents publisher stores the PDF, N1 and N3 in {@code clinical_document}.
 * Used by {@code opaline report sample}, the report benchmark and the tests.
 */
public final class SampleReport {

    public static final String TEST_INS_FIRST13 = "2680475056123";
    public static final String RADIOLOGIST_RPPS = "99700000000";

    /** What the sample made: the services wired on the database and the validated version. */
    public record Result(ReportService reports, ReportDocumentsPublisher publisher, ReportDataLoader loader,
                         Patient patient, UserAccount radiologist, Booking booking, ReportVersion version) {
    }

    private SampleReport() {
    }

    public static Result create(Database database, Clock clock, DrimboxLinkTemplate drimbox) {
        return create(database, clock, drimbox, java.util.List.of());
    }

    /** The same, with sharing modules' listeners registered after the documents publisher. */
    public static Result create(Database database, Clock clock, DrimboxLinkTemplate drimbox,
                                java.util.List<fr.opaline.core.report.ReportPublicationListener> sharing) {
        IdGenerator ids = IdGenerator.timeOrdered(clock);
        database.inTransactionRun(ctx -> {
            PracticeSettings.put(ctx, PracticeSettings.NAME, "Centre d'imagerie des Tilleuls (fictif)");
            PracticeSettings.put(ctx, PracticeSettings.FINESS, "690000001");
            PracticeSettings.put(ctx, PracticeSettings.ADDRESS, "12 allée des Tilleuls");
            PracticeSettings.put(ctx, PracticeSettings.POSTAL_CODE, "69003");
            PracticeSettings.put(ctx, PracticeSettings.CITY, "Lyon");
            PracticeSettings.put(ctx, PracticeSettings.PHONE, "04 78 00 00 00");
        });
        PracticeSettings settings = new PracticeSettings(database);
        var profile = settings.profile();
        AuditTrail audit = new AuditTrail(database, clock);
        UidGenerator uids = new UidGenerator(profile.uidRoot());
        BookingService booking = new BookingService(database, audit, ids, clock, uids,
                new CareEpisodeService(database, audit, ids, clock));
        ReportService reports = new ReportService(database, audit, ids, clock, uids);
        ReportDataLoader loader = new ReportDataLoader(profile, settings.get(ReportDataLoader.FACILITY_TYPE_SETTING)
                .orElse(null), drimbox);
        ReportDocumentsPublisher publisher = new ReportDocumentsPublisher(loader, new ReportRenderer(), ids, clock);
        reports.addPublicationListener(publisher);
        sharing.forEach(reports::addPublicationListener);

        UserAccount radiologist = new UserAccount(ids.newId(), "dr.lambert." + ids.newId().toString().substring(0, 8),
                "Dr Claire Lambert", Role.RADIOLOGUE, RADIOLOGIST_RPPS, "10", "SM44", true, clock.instant());
        Room room = new Room(ids.newId(), "CT-" + ids.newId().toString().substring(0, 6), "Scanner", Modality.CT,
                "OPL_CT1", "CT1", true);
        ExamType exam = new ExamType(ids.newId(), "CT-THX-" + ids.newId().toString().substring(0, 6), "Scanner thoracique",
                Modality.CT, "67734004", "segment thoracique du tronc", null, 15, true);
        IdentityTraits traits = IdentityTraits.of("DURAND", "HELENE MARIE", LocalDate.of(1968, 4, 12), Sex.F, "75056");
        Patient patient = new Patient(ids.newId(), Long.toString(Math.abs(ids.newId().getLeastSignificantBits() % 1_000_000_000L)),
                profile.ippIssuerOid(), traits, "Lefèvre-Durand", "Hélène",
                new InsNumber(TEST_INS_FIRST13 + MatriculeKey.of(TEST_INS_FIRST13), InsNumber.OID_TEST_NIR),
                IdentityStatus.QUALIFIEE, IdentityAttributes.NONE, "CNI", clock.instant(),
                new ContactDetails("06 12 34 56 78", "helene.durand@exemple.fr", "3 rue de la Charité", "69002", "Lyon"),
                clock.instant(), clock.instant(), 0);
        database.inTransactionRun(ctx -> {
            new UserRepository(ctx).insert(radiologist);
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            catalogue.insertRoom(room);
            catalogue.insertExamType(exam);
            new PatientRepository(ctx).insert(patient);
        });
        Actor secretary = Actor.system("sample");
        Actor doctor = Actor.user(radiologist.id(), radiologist.login());
        Booking booked = booking.book(new BookingRequest(patient.id(), room.id(), exam.id(),
                clock.instant().minusSeconds(3600), "Dr Étienne Moreau", "99700010001",
                "Toux persistante depuis six semaines chez une ancienne fumeuse ; recherche de nodule.", null), secretary);
        // The exam was performed (réalisé), so its CR can be validated without an override.
        new fr.opaline.core.order.ExamProgressService(database, audit, clock).complete(booked.step().id(), doctor);
        ReportVersion draft = reports.createDraft(booked.order().id(), doctor);
        reports.updateDraft(draft.reportId(), new ReportContent(draft.indication(),
                "Acquisition hélicoïdale du thorax sans injection de produit de contraste, reconstructions en coupes "
                        + "fines, fenêtres parenchymateuse et médiastinale. PDL : 180 mGy.cm.",
                "Pas de nodule ni de masse pulmonaire suspects.\nAbsence de condensation parenchymateuse, pas "
                        + "d'épanchement pleural ni péricardique.\n\nMédiastin : pas d'adénomégalie. Cœur de taille normale.\n"
                        + "Emphysème centrolobulaire discret des apex.",
                "Emphysème centrolobulaire discret, sans nodule suspect. Pas d'autre anomalie ; sevrage tabagique "
                        + "conseillé."), doctor);
        ReportVersion validated = reports.validate(draft.reportId(), doctor);
        return new Result(reports, publisher, loader, patient, radiologist, booked, validated);
    }

}
