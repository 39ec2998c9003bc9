package fr.opaline.documents.report;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.ScheduledProcedureStep;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.core.report.Report;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.user.UserAccount;
import fr.opaline.documents.drimbox.DrimboxViewerLink;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything one CR is made of, read once: the PDF, both CDA and the XDS metadata are all
 * rendered from this one snapshot, so they cannot disagree (SC.CDA/DD.24).
 *
 * @param facilityTypeCode healthcare facility type of the practice (JDV_J02, e.g. SA08 cabinet de groupe)
 * @param signedAt         legal authentication time, or the rendering time of a draft preview
 */
public record ReportDocumentData(PracticeProfile practice, String facilityTypeCode, Patient patient,
                                 ImagingOrder order, ScheduledProcedureStep step, ExamType exam, UserAccount author,
                                 UserAccount legalAuthenticator, Report report, ReportVersion version,
                                 DrimboxViewerLink viewerLink, Instant signedAt) {

    public ReportDocumentData {
        Objects.requireNonNull(practice, "practice");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(exam, "exam");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(viewerLink, "viewerLink");
        Objects.requireNonNull(signedAt, "signedAt");
        facilityTypeCode = facilityTypeCode == null || facilityTypeCode.isBlank() ? "SA08" : facilityTypeCode;
    }

    /** The signer: the legal authenticator once validated, the author on a draft preview. */
    public UserAccount signer() {
        return legalAuthenticator != null ? legalAuthenticator : author;
    }

    public boolean draft() {
        return legalAuthenticator == null;
    }
}
