package fr.opaline.documents.report;

import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.RequestedProcedure;
import fr.opaline.core.order.ScheduledProcedureStep;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.core.report.Report;
import fr.opaline.core.report.ReportRepository;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;

/** Reads, in the caller's transaction, everything a CR version is rendered from. */
public final class ReportDataLoader {

    /** Practice setting: healthcare facility type (JDV_J02), default SA08 "Cabinet de groupe". */
    public static final String FACILITY_TYPE_SETTING = "practice.facilityTypeCode";

    private final PracticeProfile practice;
    private final String facilityTypeCode;
    private final DrimboxLinkTemplate drimbox;

    public ReportDataLoader(PracticeProfile practice, String facilityTypeCode, DrimboxLinkTemplate drimbox) {
        this.practice = practice;
        this.facilityTypeCode = facilityTypeCode;
        this.drimbox = drimbox;
    }

    /**
     * @param renderTime used as the signing time of a draft (a validated version keeps its own)
     */
    public ReportDocumentData load(DSLContext ctx, UUID reportVersionId, Instant renderTime) {
        ReportRepository reports = new ReportRepository(ctx);
        ReportVersion version = reports.findVersion(reportVersionId)
                .orElseThrow(() -> new NotFoundException("Version de compte rendu introuvable"));
        Report report = reports.findById(version.reportId()).orElseThrow();
        OrderRepository orders = new OrderRepository(ctx);
        ImagingOrder order = orders.findOrder(report.orderId()).orElseThrow();
        RequestedProcedure procedure = orders.proceduresOf(order.id()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Demande sans acte : " + order.accessionNumber()));
        ScheduledProcedureStep step = orders.stepsOfOrder(order.id()).stream()
                .filter(s -> s.requestedProcedureId().equals(procedure.id())).findFirst()
                .orElseThrow(() -> new NotFoundException("Demande sans examen programmé : " + order.accessionNumber()));
        ExamType exam = new CatalogueRepository(ctx).examType(procedure.examTypeId()).orElseThrow();
        Patient patient = new PatientRepository(ctx).findById(order.patientId()).orElseThrow();
        UserRepository users = new UserRepository(ctx);
        UserAccount author = users.findById(version.authorId()).orElseThrow();
        UserAccount signer = version.legalAuthenticatorId() == null ? null
                : users.findById(version.legalAuthenticatorId()).orElseThrow();
        Instant signedAt = version.validatedAt() != null ? version.validatedAt() : renderTime;
        return new ReportDocumentData(practice, facilityTypeCode, patient, order, step, exam, author, signer, report,
                version, drimbox.linkFor(step.studyInstanceUid(), order.accessionNumber(), step.scheduledStart()), signedAt);
    }
}
