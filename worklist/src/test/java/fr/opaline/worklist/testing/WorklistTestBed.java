package fr.opaline.worklist.testing;

import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.worklist.WorklistScp;
import fr.opaline.worklist.WorklistSettings;
import fr.opaline.worklist.data.DicomCharset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * A practice with a real worklist, made through core's services (patients, bookings, arrival,
 * cancellation), and the SCP serving it on a free loopback port.
 *
 * <p>Worklist on Monday 2 and Tuesday 3 March 2026 (Paris time):
 * <pre>
 *  08:00 CT1   DUPONT Jean Pierre      qualifiée, INS        scanner thoracique   Dr Hélène Duclos
 *  09:30 IRM1  LEFÈVRE Hélène          provisoire, accents   IRM du genou        arrived
 *  10:00 ECHO1 MARTIN Claire           récupérée (INS, not qualified)
 *  11:00 ECHO1 CŒUR Zoé                provisoire, Œ (not in Latin-1)
 *  14:00 CT1   DUPOND Jeanne           validée, cancelled: not on the worklist
 *  (Tue) 08:30 CT1 DUPOND Jeanne       validée
 * </pre>
 */
public final class WorklistTestBed implements AutoCloseable {

    public static final String AE = "OPALINE_TEST";
    /** DCMTK's default calling AE titles, let in by {@link #settings()} besides the rooms' AE_CT1, AE_IRM1, AE_ECHO1. */
    public static final String FINDSCU = "FINDSCU";
    public static final String ECHOSCU = "ECHOSCU";
    public static final String INS_DUPONT = "180027512345678";
    public static final String INS_MARTIN = "279035121518989";

    public final TestDatabases.TestDatabase db;
    public final CoreFixture fx;
    public final Room ct;
    public final Room mr;
    public final Room us;
    public Patient dupont;
    public Patient lefevre;
    public Patient martin;
    public Patient coeur;
    public Patient dupond;
    public Booking dupontCt;
    public Booking lefevreMr;
    public Booking martinUs;
    public Booking coeurUs;
    public Booking dupondCancelled;
    public Booking dupondTuesday;
    private WorklistScp scp;

    public WorklistTestBed() {
        this(TestDatabases.h2());
    }

    public WorklistTestBed(TestDatabases.TestDatabase db) {
        this.db = db;
        this.fx = new CoreFixture(db.database());
        ct = room("CT1", "Scanner", Modality.CT, "AE_CT1");
        mr = room("IRM1", "IRM 1,5 T", Modality.MR, "AE_IRM1");
        us = room("ECHO1", "Échographie", Modality.US, "AE_ECHO1");
        ExamType ctThorax = exam("CT-THX", "Scanner thoracique", Modality.CT, 15);
        ExamType mrKnee = exam("MR-GENOU", "IRM du genou", Modality.MR, 30);
        ExamType usAbdo = exam("US-ABDO", "Échographie abdominale", Modality.US, 20);

        dupont = patient("DUPONT", "JEAN PIERRE", LocalDate.of(1980, 2, 15), Sex.M, null, null);
        dupont = qualify(dupont, new InsNumber(INS_DUPONT, InsNumber.OID_TEST_NIR), IdentityStatus.QUALIFIEE);
        lefevre = patient("LEFÈVRE", "Hélène Marie", LocalDate.of(1975, 6, 1), Sex.F, "Lefèvre-Martin", "Hélène");
        martin = patient("MARTIN", "CLAIRE", LocalDate.of(1979, 3, 28), Sex.F, null, null);
        martin = qualify(martin, new InsNumber(INS_MARTIN, InsNumber.OID_TEST_NIR), IdentityStatus.RECUPEREE);
        coeur = patient("CŒUR", "Zoé", LocalDate.of(2001, 12, 24), Sex.F, null, null);
        dupond = patient("DUPOND", "JEANNE", LocalDate.of(1950, 1, 1), Sex.F, null, null);
        dupond = qualify(dupond, null, IdentityStatus.VALIDEE);

        dupontCt = book(dupont, ct, ctThorax, 2, 8, 0, "Dr Hélène Duclos");
        lefevreMr = book(lefevre, mr, mrKnee, 2, 9, 30, "Dr François Lemaître");
        martinUs = book(martin, us, usAbdo, 2, 10, 0, "Dr Ève Marchand");
        coeurUs = book(coeur, us, usAbdo, 2, 11, 0, null);
        dupondCancelled = book(dupond, ct, ctThorax, 2, 14, 0, "Dr Karim Haddad");
        dupondTuesday = book(dupond, ct, ctThorax, 3, 8, 30, "Dr Karim Haddad");
        fx.booking.markArrived(lefevreMr.appointment().id(), fx.secretary);
        fx.booking.cancel(dupondCancelled.appointment().id(), "test", fx.secretary);
    }

    public static WorklistSettings settings() {
        return new WorklistSettings(AE, "127.0.0.1", 0, Set.of(FINDSCU, ECHOSCU), false, Duration.ofSeconds(5),
                Duration.ofSeconds(10), 16384, 20, WorklistSettings.DEFAULT_MAX_ASSOCIATIONS_PER_ADDRESS, 2000,
                DicomCharset.ISO_IR_100, "Centre d'imagerie des Tilleuls");
    }

    public WorklistScp start() throws Exception {
        return start(settings());
    }

    public WorklistScp start(WorklistSettings settings) throws Exception {
        scp = new WorklistScp(settings, db.database(), fx.audit, CoreFixture.PARIS);
        scp.start();
        return scp;
    }

    public int port() {
        return scp.port();
    }

    private Room room(String code, String name, Modality modality, String ae) {
        Room room = new Room(fx.ids.newId(), code, name, modality, ae, "ST_" + code, true);
        db.database().inTransactionRun(ctx -> new CatalogueRepository(ctx).insertRoom(room));
        return room;
    }

    private ExamType exam(String code, String label, Modality modality, int minutes) {
        ExamType exam = new ExamType(fx.ids.newId(), code, label, modality, "67734004", "thorax", null, minutes, true);
        db.database().inTransactionRun(ctx -> new CatalogueRepository(ctx).insertExamType(exam));
        return exam;
    }

    private Patient patient(String birthName, String firstNames, LocalDate birth, Sex sex, String usedName,
                            String usedFirstName) {
        return fx.patients.create(new NewPatient(IdentityTraits.of(birthName, firstNames, birth, sex, "75056"), usedName,
                usedFirstName, null, IdentityAttributes.NONE), fx.secretary);
    }

    private Patient qualify(Patient patient, InsNumber ins, IdentityStatus status) {
        return fx.patients.update(patient.id(), p -> p.withIdentity(p.traits(), ins, status, p.attributes(),
                status == IdentityStatus.QUALIFIEE || status == IdentityStatus.VALIDEE ? "CNI" : null,
                fx.clock.instant()), "test", fx.secretary);
    }

    private Booking book(Patient patient, Room room, ExamType exam, int day, int hour, int minute, String referrer) {
        return fx.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(),
                LocalDateTime.of(2026, 3, day, hour, minute).atZone(CoreFixture.PARIS).toInstant(), referrer,
                null, "Douleur thoracique depuis 3 jours", null), fx.secretary);
    }

    @Override
    public void close() throws Exception {
        if (scp != null) {
            scp.stop(Duration.ofSeconds(2));
        }
        db.close();
    }
}
