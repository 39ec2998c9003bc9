package fr.opaline.server.print;

import fr.opaline.api.PrintApi;
import fr.opaline.api.PrintedDocument;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamPreparations;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.scheduling.Appointment;
import fr.opaline.core.scheduling.AppointmentRepository;
import fr.opaline.documents.pdf.Convocation;
import fr.opaline.documents.pdf.ConvocationPdfRenderer;
import fr.opaline.documents.pdf.PatientLabelsPdfRenderer;
import fr.opaline.platform.http.HttpError;
import fr.opaline.server.Call;
import fr.opaline.server.ServerSession;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Renders the printables from the database; each print of patient data is audited as a read. */
public final class PrintEndpoint implements PrintApi {

    /** A convocation letter was printed (or saved as PDF). */
    public static final String AUDIT_CONVOCATION = "CONVOCATION_PRINTED";
    /** A sheet of patient labels was printed (or saved as PDF). */
    public static final String AUDIT_LABELS = "PATIENT_LABELS_PRINTED";
    /** The preparation instructions of an exam type were changed. */
    public static final String AUDIT_PREPARATION = "EXAM_PREPARATION_CHANGED";

    private final Database database;
    private final AuditTrail audit;
    private final Clock clock;

    /** @param clock its zone gives the date and time printed on the convocation */
    public PrintEndpoint(Database database, AuditTrail audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public PrintedDocument convocation(UUID appointmentId) {
        if (appointmentId == null) {
            throw HttpError.badRequest("Rendez-vous non précisé.");
        }
        ServerSession session = Call.signedIn();
        Map<String, String> settings = new PracticeSettings(database).all();
        return database.inTransaction(ctx -> {
            Appointment a = new AppointmentRepository(ctx).findById(appointmentId)
                    .orElseThrow(() -> new NotFoundException("Rendez-vous introuvable : il a peut-être été supprimé."));
            Patient patient = patient(new PatientRepository(ctx), a.patientId());
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            String room = catalogue.room(a.roomId()).map(Room::name).orElse("");
            ExamType exam = catalogue.examType(a.examTypeId())
                    .orElseThrow(() -> new NotFoundException("Type d'examen introuvable."));
            ZonedDateTime start = a.startsAt().atZone(clock.getZone());
            Convocation letter = new Convocation(settings.get(PracticeSettings.NAME), address(settings),
                    settings.get(PracticeSettings.PHONE), patient.displayLastName() + " " + patient.displayFirstName(),
                    start, room, exam.label(), new ExamPreparations(ctx).of(exam.id()));
            byte[] pdf = ConvocationPdfRenderer.render(letter);
            audit.record(ctx, AuditEntry.of(session.actor(), AUDIT_CONVOCATION, patient.id())
                    .on("appointment", a.id()).withDetail(exam.label()));
            return new PrintedDocument("convocation-" + patient.ipp() + "-" + start.toLocalDate() + ".pdf", pdf);
        });
    }

    @Override
    public PrintedDocument labels(UUID patientId) {
        if (patientId == null) {
            throw HttpError.badRequest("Patient non précisé.");
        }
        ServerSession session = Call.signedIn();
        return database.inTransaction(ctx -> {
            Patient patient = patient(new PatientRepository(ctx), patientId);
            byte[] pdf = PatientLabelsPdfRenderer.render(patient);
            audit.record(ctx, AuditEntry.of(session.actor(), AUDIT_LABELS, patient.id())
                    .withDetail(patient.insQualified() ? "avec INS et Datamatrix INS" : "sans INS (identité non qualifiée)"));
            return new PrintedDocument("etiquettes-" + patient.ipp() + ".pdf", pdf);
        });
    }

    @Override
    public String preparation(UUID examTypeId) {
        if (examTypeId == null) {
            throw HttpError.badRequest("Type d'examen non précisé.");
        }
        return database.inTransaction(ctx -> {
            examType(new CatalogueRepository(ctx), examTypeId);
            return new ExamPreparations(ctx).of(examTypeId);
        });
    }

    @Override
    public void setPreparation(UUID examTypeId, String instructions) {
        if (examTypeId == null) {
            throw HttpError.badRequest("Type d'examen non précisé.");
        }
        String text = instructions == null ? "" : instructions.strip();
        if (text.length() > ExamPreparations.MAX_LENGTH) {
            throw HttpError.badRequest("Préparation trop longue : " + ExamPreparations.MAX_LENGTH + " caractères au plus.");
        }
        ServerSession session = Call.signedIn();
        database.inTransactionRun(ctx -> {
            ExamType exam = examType(new CatalogueRepository(ctx), examTypeId);
            new ExamPreparations(ctx).set(examTypeId, text, clock.instant(), session.actor().login());
            audit.record(ctx, AuditEntry.of(session.actor(), AUDIT_PREPARATION, null).on("exam_type", examTypeId)
                    .withDetail(exam.code() + (text.isEmpty() ? " : préparation retirée" : " : préparation modifiée")));
        });
    }

    private static Patient patient(PatientRepository patients, UUID id) {
        return patients.findById(id).orElseThrow(() -> new NotFoundException("Patient introuvable."));
    }

    private static ExamType examType(CatalogueRepository catalogue, UUID id) {
        return catalogue.examType(id).orElseThrow(() -> new NotFoundException("Type d'examen introuvable."));
    }

    private static String address(Map<String, String> settings) {
        String city = Stream.of(settings.get(PracticeSettings.POSTAL_CODE), settings.get(PracticeSettings.CITY))
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
        return Stream.of(settings.get(PracticeSettings.ADDRESS), city).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
    }
}
