package fr.opaline.server;

import fr.opaline.api.ApiEvent;
import fr.opaline.api.ReportApi;
import fr.opaline.api.ReportFile;
import fr.opaline.api.ReportPreview;
import fr.opaline.api.SendChannel;
import fr.opaline.api.SendStatus;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepQuery;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.report.ExamNotPerformedException;
import fr.opaline.core.report.Report;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportService;
import fr.opaline.core.report.ReportStatus;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.documents.pdf.ReportPdfRenderer;
import fr.opaline.documents.report.ReportDataLoader;
import fr.opaline.documents.report.ReportDocumentData;
import fr.opaline.platform.http.HttpError;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The report editor over core's report service (which checks the signer's role and RPPS, the exam
 * performed and the draft state, and audits) and the documents module's PDF. The send status of a
 * report is read from the outbox by document reference, the source the feeding queue lists.
 */
public final class ReportEndpoint implements ReportApi {

    private static final int JOBS_READ = 200;

    private final Database database;
    private final ReportService reports;
    private final ReportDataLoader loader;
    private final Outbox outbox;
    private final EventHub events;
    private final Clock clock;

    /** @param reports the report service with this practice's publication listeners registered */
    public ReportEndpoint(Database database, ReportService reports, ReportDataLoader loader, Outbox outbox,
                          EventHub events, Clock clock) {
        this.database = database;
        this.reports = reports;
        this.loader = loader;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<StepEntry> exams(LocalDate day) {
        if (day == null) {
            throw HttpError.badRequest("Jour non précisé.");
        }
        var zone = clock.getZone();
        return new StepQuery(database.dsl()).scheduledBetween(day.atStartOfDay(zone).toInstant(),
                        day.plusDays(1).atStartOfDay(zone).toInstant()).stream()
                .filter(e -> e.step().status() != StepStatus.CANCELLED).toList();
    }

    @Override
    public StepEntry exam(UUID stepId) {
        if (stepId == null) {
            throw HttpError.badRequest("Examen non précisé.");
        }
        OrderRepository orders = new OrderRepository(database.dsl());
        var step = orders.findStep(stepId).orElseThrow(() -> new NotFoundException("Examen introuvable."));
        var order = orders.findOrderOfStep(stepId).orElseThrow(() -> new NotFoundException("Demande introuvable."));
        var patient = new PatientRepository(database.dsl()).findById(order.patientId())
                .orElseThrow(() -> new NotFoundException("Patient introuvable."));
        return new StepEntry(step, order, patient);
    }

    @Override
    public ReportFile open(UUID stepId) {
        StepEntry exam = exam(stepId);
        Optional<Report> report = reports.read(exam.order().id(), actor());
        if (report.isPresent()) {
            return file(exam, report.get().id());
        }
        Map<SendChannel, SendStatus> sends = new EnumMap<>(SendChannel.class);
        for (SendChannel channel : SendChannel.values()) {
            sends.put(channel, SendStatus.none(channel));
        }
        return new ReportFile(exam, examType(exam), null, List.of(), sends, "", reports.prefill(exam.order().id()));
    }

    @Override
    public ReportFile saveDraft(UUID stepId, ReportContent content) {
        StepEntry exam = exam(stepId);
        UUID reportId = draft(exam, requireContent(content)).reportId();
        events.publish(new ApiEvent("report.saved", stepId, null, clock.instant()));
        return file(exam(stepId), reportId);
    }

    @Override
    public ReportFile validate(UUID stepId, ReportContent content, String overrideReason) {
        StepEntry exam = exam(stepId);
        UUID reportId = draft(exam, requireContent(content)).reportId();
        try {
            reports.validate(reportId, actor(), overrideReason);
        } catch (ExamNotPerformedException e) {
            throw new HttpError(422, "exam_not_performed", e.getMessage());
        }
        events.publish(new ApiEvent("report.validated", stepId, null, clock.instant()));
        return file(exam(stepId), reportId);
    }

    @Override
    public ReportFile amend(UUID stepId, String reason) {
        StepEntry exam = exam(stepId);
        Report report = existing(exam);
        reports.amend(report.id(), reason, actor());
        events.publish(new ApiEvent("report.amended", stepId, null, clock.instant()));
        return file(exam, report.id());
    }

    @Override
    public ReportFile retract(UUID stepId, String reason) {
        StepEntry exam = exam(stepId);
        Report report = existing(exam);
        reports.retract(report.id(), reason, actor());
        events.publish(new ApiEvent("report.retracted", stepId, null, clock.instant()));
        return file(exam, report.id());
    }

    @Override
    public ReportFile setInvisibleToPatient(UUID stepId, ReportContent draftText, boolean invisible) {
        StepEntry exam = exam(stepId);
        UUID reportId = reports.findByOrder(exam.order().id()).map(Report::id)
                .orElseGet(() -> draft(exam, draftText).reportId());
        if (draftText != null) {
            ReportVersion current = reports.versions(reportId).stream().reduce((a, b) -> b).orElseThrow();
            if (current.status() == ReportStatus.DRAFT) {
                reports.updateDraft(reportId, draftText, actor());
            }
        }
        reports.setInvisibleToPatient(reportId, invisible, actor());
        return file(exam, reportId);
    }

    @Override
    public ReportPreview preview(UUID versionId, ReportContent typed) {
        if (versionId == null) {
            throw HttpError.badRequest("Version du compte rendu non précisée.");
        }
        ReportDocumentData data = database.inTransaction(ctx -> loader.load(ctx, versionId, clock.instant()));
        if (typed != null && data.version().status() == ReportStatus.DRAFT) {
            data = new ReportDocumentData(data.practice(), data.facilityTypeCode(), data.patient(), data.order(),
                    data.step(), data.exam(), data.author(), data.legalAuthenticator(), data.report(),
                    data.version().withContent(typed), data.viewerLink(), data.signedAt());
        }
        return new ReportPreview(ReportPdfRenderer.render(data));
    }

    @Override
    public Map<SendChannel, SendStatus> sends(UUID stepId) {
        StepEntry exam = exam(stepId);
        return reports.findByOrder(exam.order().id()).map(r -> sendsOf(exam, reports.versions(r.id())))
                .orElseGet(() -> sendsOf(exam, List.of()));
    }

    /** The report's draft with this text: the first draft is created when there is none. */
    private ReportVersion draft(StepEntry exam, ReportContent content) {
        Actor actor = actor();
        ReportVersion current = reports.createDraft(exam.order().id(), actor);
        if (current.status() == ReportStatus.DRAFT && content != null) {
            current = reports.updateDraft(current.reportId(), content, actor);
        }
        return current;
    }

    private Report existing(StepEntry exam) {
        return reports.findByOrder(exam.order().id())
                .orElseThrow(() -> new NotFoundException("Aucun compte rendu pour cet examen."));
    }

    private ReportFile file(StepEntry exam, UUID reportId) {
        var dsl = database.dsl();
        Report report = reports.findByOrder(exam.order().id()).orElseThrow();
        List<ReportVersion> versions = reports.versions(reportId);
        String author = new UserRepository(dsl).findById(versions.get(versions.size() - 1).authorId())
                .map(UserAccount::displayName).orElse("");
        return new ReportFile(exam, examType(exam), report, versions, sendsOf(exam, versions), author, null);
    }

    private ExamType examType(StepEntry exam) {
        var dsl = database.dsl();
        return new OrderRepository(dsl).proceduresOf(exam.order().id()).stream().findFirst()
                .flatMap(p -> new CatalogueRepository(dsl).examType(p.examTypeId())).orElse(null);
    }

    /**
     * The latest outbox job of each channel that carries one of the report's versions (the
     * outbox's query by document reference: CDA document id or version id).
     */
    private Map<SendChannel, SendStatus> sendsOf(StepEntry exam, List<ReportVersion> versions) {
        List<String> references = new ArrayList<>();
        for (ReportVersion v : versions) {
            references.add(v.documentUid());
            references.add(v.id().toString());
        }
        Map<SendChannel, SendStatus> sends = new EnumMap<>(SendChannel.class);
        if (!references.isEmpty()) {
            for (OutboxJob job : outbox.referring(references, exam.patient().id(), JOBS_READ)) {
                SendChannel channel = SendChannel.of(job.type());
                if (channel != null && !sends.containsKey(channel)) {
                    sends.put(channel, SendStatus.of(channel, job)); // newest first: the first one seen is the latest
                }
            }
        }
        for (SendChannel channel : SendChannel.values()) {
            sends.putIfAbsent(channel, SendStatus.none(channel));
        }
        return sends;
    }

    private static ReportContent requireContent(ReportContent content) {
        if (content == null) {
            throw HttpError.badRequest("Compte rendu : texte attendu.");
        }
        return content;
    }

    private static Actor actor() {
        return Call.signedIn().actor();
    }
}
