package fr.opaline.ui.report;

import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.common.Actor;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepQuery;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.report.Report;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.documents.pdf.ReportPdfRenderer;
import fr.opaline.documents.report.ReportDocumentData;
import fr.opaline.ui.DesktopServices;
import fr.opaline.ui.ReportingServices;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The report editor's reads and writes. Blocking: call off the FX thread. */
public final class ReportGateway {

    private static final int JOBS_READ = 200;

    private final DesktopServices services;
    private final ReportingServices reporting;
    private final Clock clock;

    public ReportGateway(DesktopServices services, ReportingServices reporting) {
        this.services = services;
        this.reporting = reporting;
        this.clock = services.clock();
    }

    /** A report being written: the exam, its versions (oldest first) and the template of its exam type. */
    public record Opened(StepEntry exam, ExamType examType, Report report, List<ReportVersion> versions,
                         Map<SendChannel, SendStatus> sends, String authorName) {

        public ReportVersion current() {
            return versions.get(versions.size() - 1);
        }
    }

    /** The day's exams that are done or being reported (cancelled ones left out). */
    public List<StepEntry> examsOf(LocalDate day) {
        return new StepQuery(services.database().dsl()).scheduledBetween(
                day.atStartOfDay(services.zone()).toInstant(), day.plusDays(1).atStartOfDay(services.zone()).toInstant())
                .stream().filter(e -> e.step().status() != StepStatus.CANCELLED).toList();
    }

    /** The report of the exam's order, opened with its first draft when there is none. */
    public Opened open(StepEntry exam, Actor radiologist) {
        ReportVersion version = reporting.reports().createDraft(exam.order().id(), radiologist);
        return reload(exam, version.reportId());
    }

    public Opened reload(StepEntry exam, UUID reportId) {
        var dsl = services.database().dsl();
        Report report = reporting.reports().findByOrder(exam.order().id()).orElseThrow();
        List<ReportVersion> versions = reporting.reports().versions(reportId);
        ExamType examType = new OrderRepository(dsl).proceduresOf(exam.order().id()).stream().findFirst()
                .flatMap(p -> new CatalogueRepository(dsl).examType(p.examTypeId())).orElse(null);
        String author = new UserRepository(dsl).findById(versions.get(versions.size() - 1).authorId())
                .map(UserAccount::displayName).orElse("");
        return new Opened(exam, examType, report, versions, sendsOf(exam, versions), author);
    }

    public Opened save(Opened opened, ReportContent content, Actor actor) {
        reporting.reports().updateDraft(opened.report().id(), content, actor);
        return reload(opened.exam(), opened.report().id());
    }

    /** Saves the text then validates: the signed-in radiologist is the legal authenticator. */
    public Opened validate(Opened opened, ReportContent content, Actor radiologist) {
        reporting.reports().updateDraft(opened.report().id(), content, radiologist);
        reporting.reports().validate(opened.report().id(), radiologist);
        return reload(opened.exam(), opened.report().id());
    }

    public Opened amend(Opened opened, String reason, Actor actor) {
        reporting.reports().amend(opened.report().id(), reason, actor);
        return reload(opened.exam(), opened.report().id());
    }

    public Opened retract(Opened opened, String reason, Actor actor) {
        reporting.reports().retract(opened.report().id(), reason, actor);
        return reload(opened.exam(), opened.report().id());
    }

    /** On a draft, the text being typed is saved first, so that the reload does not lose it. */
    public Opened setInvisibleToPatient(Opened opened, ReportContent draftText, boolean invisible, Actor actor) {
        if (draftText != null) {
            reporting.reports().updateDraft(opened.report().id(), draftText, actor);
        }
        reporting.reports().setInvisibleToPatient(opened.report().id(), invisible, actor);
        return reload(opened.exam(), opened.report().id());
    }

    /** The CR as it will be (draft) or was (validated) printed: the documents module's PDF/A. */
    public byte[] pdfOf(ReportVersion version) {
        ReportDocumentData data = services.database().inTransaction(ctx ->
                reporting.loader().load(ctx, version.id(), clock.instant()));
        return ReportPdfRenderer.render(data);
    }

    /**
     * The latest outbox job of each channel that carries one of the report's versions (the
     * outbox's query by document reference: CDA document id or version id).
     */
    Map<SendChannel, SendStatus> sendsOf(StepEntry exam, List<ReportVersion> versions) {
        List<String> references = new ArrayList<>();
        for (ReportVersion v : versions) {
            references.add(v.documentUid());
            references.add(v.id().toString());
        }
        Map<SendChannel, SendStatus> sends = new EnumMap<>(SendChannel.class);
        for (OutboxJob job : reporting.outbox().referring(references, exam.patient().id(), JOBS_READ)) {
            SendChannel channel = SendChannel.of(job.type());
            if (channel != null && !sends.containsKey(channel)) {
                sends.put(channel, SendStatus.of(channel, job)); // newest first: the first one seen is the latest
            }
        }
        for (SendChannel channel : SendChannel.values()) {
            sends.putIfAbsent(channel, SendStatus.none(channel));
        }
        return sends;
    }

    public Optional<ReportTemplates.Template> templateOf(Opened opened, ReportTemplates templates) {
        return templates.forExam(opened.examType());
    }
}
