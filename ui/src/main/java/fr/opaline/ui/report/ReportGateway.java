package fr.opaline.ui.report;

import fr.opaline.api.DirectoryApi;
import fr.opaline.api.DirectoryContact;
import fr.opaline.api.ReportApi;
import fr.opaline.api.ReportFile;
import fr.opaline.api.SendChannel;
import fr.opaline.api.SendStatus;
import fr.opaline.api.client.ApiClient;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.common.Actor;
import fr.opaline.core.order.ExamProgressService;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.report.Report;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The report editor's reads and writes, through the practice server's API ({@link ReportApi}):
 * the server names the signed-in user as author and signer, checks the role and the RPPS, and
 * audits; the actor given here is not sent. Blocking: call off the FX thread.
 */
public final class ReportGateway {

    private final ApiClient client;

    public ReportGateway(ApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    private ReportApi api() {
        return client.api(ReportApi.class);
    }

    /**
     * The report of an exam: the exam, the report and its versions (oldest first) once someone
     * started it, or none yet with what it would start from (indication and technique).
     */
    public record Opened(StepEntry exam, ExamType examType, Report report, List<ReportVersion> versions,
                         Map<SendChannel, SendStatus> sends, String authorName, ReportContent prefill) {

        static Opened of(ReportFile file) {
            return new Opened(file.exam(), file.examType(), file.report(), file.versions(), file.sends(),
                    file.authorName() == null ? "" : file.authorName(), file.prefill());
        }

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
        return api().exams(day);
    }

    /**
     * The report of the exam's order, read only (the server audits the read): opening an exam
     * creates nothing and changes no status. Without a report yet, what a draft would start from.
     */
    public Opened open(StepEntry exam) {
        return Opened.of(api().open(exam.step().id()));
    }

    /** Starts the report on purpose (text typed or template applied): its draft, with that text. */
    public Opened start(Opened opened, ReportContent content, Actor author) {
        return Opened.of(api().saveDraft(opened.exam().step().id(), content));
    }

    /** The exam read again, with the conclusion about to be signed. */
    public Confirmation confirmation(Opened opened, String conclusion) {
        return new Confirmation(api().exam(opened.exam().step().id()), conclusion);
    }

    /** The send status of the report, read again (the outbox works in the background). */
    public Map<SendChannel, SendStatus> sends(Opened opened) {
        return api().sends(opened.exam().step().id());
    }

    public Opened save(Opened opened, ReportContent content, Actor actor) {
        return Opened.of(api().saveDraft(opened.exam().step().id(), content));
    }

    /**
     * Saves the text then validates: the signed-in radiologist is the legal authenticator. The
     * server refuses an exam not réalisé unless {@code overrideReason} is given.
     */
    public Opened validate(Opened opened, ReportContent content, Actor radiologist, String overrideReason) {
        return Opened.of(api().validate(opened.exam().step().id(), content, overrideReason));
    }

    public Opened amend(Opened opened, String reason, Actor actor) {
        return Opened.of(api().amend(opened.exam().step().id(), reason));
    }

    public Opened retract(Opened opened, String reason, Actor actor) {
        return Opened.of(api().retract(opened.exam().step().id(), reason));
    }

    /** On a draft, the text being typed is saved first, so that the reload does not lose it. */
    public Opened setInvisibleToPatient(Opened opened, ReportContent draftText, boolean invisible, Actor actor) {
        return Opened.of(api().setInvisibleToPatient(opened.exam().step().id(), draftText, invisible));
    }

    /**
     * The CR as it will be (draft, with the text being typed when {@code typed} is given) or was
     * (validated) printed: the documents module's PDF/A, rendered by the server. Nothing is saved.
     */
    public byte[] pdfOf(ReportVersion version, ReportContent typed) {
        return api().preview(version.id(), typed).pdf();
    }

    /** Professionals of the annuaire santé by name or RPPS, with their MSSanté addresses. */
    public List<DirectoryContact> searchDirectory(String name, String rpps) {
        return client.api(DirectoryApi.class).search(name, rpps);
    }

    /**
     * "Envoyer par MSSanté": the validated CR to a recipient of the directory, queued by the server
     * (which checks the role, the CR validated, the patient's opposition, and audits).
     */
    public SendStatus sendByMss(Opened opened, DirectoryContact recipient) {
        return client.api(DirectoryApi.class).sendReport(opened.exam().step().id(), recipient);
    }

    public Optional<ReportTemplates.Template> templateOf(Opened opened, ReportTemplates templates) {
        return templates.forExam(opened.examType());
    }

    // --- the CR's DMP send (issue 23): held before validation, hidden from the legal representatives

    /** How the CR's DMP send is set; the server answers 503 when it offers no DMP feeding. */
    public fr.opaline.api.dmp.FeedOptions feedOptions(Opened opened) {
        return client.api(fr.opaline.api.DmpApi.class).feedOptions(opened.report().id());
    }

    /** Holds (or releases: the send is queued again) the CR's DMP send; a radiologist's act. */
    public fr.opaline.api.dmp.FeedOptions holdFeed(Opened opened, boolean held) {
        return client.api(fr.opaline.api.DmpApi.class).holdFeed(opened.report().id(), held);
    }

    /** Marks the CR non visible (or visible) of the patient's legal representatives. */
    public fr.opaline.api.dmp.FeedOptions hideFromLegalRepresentatives(Opened opened, boolean hidden) {
        return client.api(fr.opaline.api.DmpApi.class).hideFromLegalRepresentatives(opened.report().id(), hidden);
    }
}
