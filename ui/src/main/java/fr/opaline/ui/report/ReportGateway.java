package fr.opaline.ui.report;

import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.common.Actor;
import fr.opaline.core.order.ExamProgressService;
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

    /**
     * The report of an exam: the exam, the report and its versions (oldest first) once someone
     * started it, or none yet with what it would start from (indication and technique).
     */
    public record Opened(StepEntry exam, ExamType examType, Report report, List<ReportVersion> versions,
                         Map<SendChannel, SendStatus> sends, String authorName, ReportContent prefill) {

        /** Someone typed or applied a template: the report and its draft exist. */
        public boolean started() {
            return report != null;
        }

        /** The latest version; null while the report is not started. */
        public ReportVersion current() {
            return versions.isEmpty() ? null : versions.get(versions.size() - 1);
        }

        /** The same report with the exam as read again (its status may have moved on). */
        public Opened withExam(StepEntry fresher) {
            return new Opened(fresher, examType, report, versions, sends, authorName, prefill);
        }
    }

    /** What the validation confirmation repeats, read when the radiologist asks to validate. */
    public record Confirmation(StepEntry exam, String conclusion) {

        /** The exam was marked réalisé (or later): no override is needed. */
        public boolean performed() {
            return ExamProgressService.performed(exam.step());
        }
    }

    /** The day's exams that are done or being reported (cancelled ones left out). */
    public List<StepEntry> examsOf(LocalDate day) {
        return new StepQuery(services.database().dsl()).scheduledBetween(
                day.atStartOfDay(services.zone()).toInstant(), day.plusDays(1).atStartOfDay(services.zone()).toInstant())
                .stream().filter(e -> e.step().status() != StepStatus.CANCELLED).toList();
    }

    /**
     * The report of the exam's order, read only: opening an exam creates nothing and changes no
     * status. Without a report yet, what a draft would start from.
     */
    public Opened open(StepEntry exam) {
        StepEntry fresh = fresh(exam);
        Optional<Report> report = reporting.reports().findByOrder(exam.order().id());
        if (report.isPresent()) {
            return reload(fresh, report.get().id());
        }
        Map<SendChannel, SendStatus> sends = new EnumMap<>(SendChannel.class);
        for (SendChannel channel : SendChannel.values()) {
            sends.put(channel, SendStatus.none(channel));
        }
        return new Opened(fresh, examType(exam), null, List.of(), sends, "",
                reporting.reports().prefill(exam.order().id()));
    }

    /** Starts the report on purpose (text typed or template applied): its draft, with that text. */
    public Opened start(Opened opened, ReportContent content, Actor author) {
        ReportVersion draft = reporting.reports().createDraft(opened.exam().order().id(), author);
        if (draft.status() == fr.opaline.core.report.ReportStatus.DRAFT) {
            reporting.reports().updateDraft(draft.reportId(), content, author);
        }
        return reload(fresh(opened.exam()), draft.reportId());
    }

    /** The exam as it is now (its status moves on from the worklist). */
    public StepEntry fresh(StepEntry exam) {
        return new OrderRepository(services.database().dsl()).findStep(exam.step().id())
                .map(step -> new StepEntry(step, exam.order(), exam.patient())).orElse(exam);
    }

    /** The exam read again, with the conclusion about to be signed. */
    public Confirmation confirmation(Opened opened, String conclusion) {
        return new Confirmation(fresh(opened.exam()), conclusion);
    }

    private ExamType examType(StepEntry exam) {
        var dsl = services.database().dsl();
        return new OrderRepository(dsl).proceduresOf(exam.order().id()).stream().findFirst()
                .flatMap(p -> new CatalogueRepository(dsl).examType(p.examTypeId())).orElse(null);
    }

    public Opened reload(StepEntry exam, UUID reportId) {
        var dsl = services.database().dsl();
        Report report = reporting.reports().findByOrder(exam.order().id()).orElseThrow();
        List<ReportVersion> versions = reporting.reports().versions(reportId);
        ExamType examType = new OrderRepository(dsl).proceduresOf(exam.order().id()).stream().findFirst()
                .flatMap(p -> new CatalogueRepository(dsl).examType(p.examTypeId())).orElse(null);
        String author = new UserRepository(dsl).findById(versions.get(versions.size() - 1).authorId())
                .map(UserAccount::displayName).orElse("");
        return new Opened(exam, examType, report, versions, sendsOf(exam, versions), author, null);
    }

    public Opened save(Opened opened, ReportContent content, Actor actor) {
        if (!opened.started()) {
            return start(opened, content, actor);
        }
        reporting.reports().updateDraft(opened.report().id(), content, actor);
        return reload(opened.exam(), opened.report().id());
    }

    /**
     * Saves the text then validates: the signed-in radiologist is the legal authenticator. The
     * report service refuses an exam not réalisé unless {@code overrideReason} is given.
     */
    public Opened validate(Opened opened, ReportContent content, Actor radiologist, String overrideReason) {
        Opened started = opened.started() ? opened : start(opened, content, radiologist);
        reporting.reports().updateDraft(started.report().id(), content, radiologist);
        reporting.reports().validate(started.report().id(), radiologist, overrideReason);
        return reload(fresh(opened.exam()), started.report().id());
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
        if (!opened.started()) {
            opened = start(opened, draftText, actor);
        } else if (draftText != null) {
            reporting.reports().updateDraft(opened.report().id(), draftText, actor);
        }
        reporting.reports().setInvisibleToPatient(opened.report().id(), invisible, actor);
        return reload(opened.exam(), opened.report().id());
    }

    /**
     * The CR as it will be (draft, with the text being typed when {@code typed} is given) or was
     * (validated) printed: the documents module's PDF/A. Nothing is saved.
     */
    public byte[] pdfOf(ReportVersion version, ReportContent typed) {
        ReportDocumentData data = services.database().inTransaction(ctx ->
                reporting.loader().load(ctx, version.id(), clock.instant()));
        if (typed != null && version.status() == fr.opaline.core.report.ReportStatus.DRAFT) {
            data = new ReportDocumentData(data.practice(), data.facilityTypeCode(), data.patient(), data.order(),
                    data.step(), data.exam(), data.author(), data.legalAuthenticator(), data.report(),
                    data.version().withContent(typed), data.viewerLink(), data.signedAt());
        }
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
