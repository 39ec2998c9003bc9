package fr.opaline.dmp.feeding;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.report.ReportRepository;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.dmp.DmpUser;
import fr.opaline.dmp.vihf.AccessAuthentication;
import fr.opaline.dmp.vihf.PurposeOfUse;
import fr.opaline.dmp.vihf.VihfSubject;
import java.util.Optional;
import org.jooq.DSLContext;

/** What feeding needs to know about a document: its author for the VIHF, the episode's opposition. */
final class FeedingContext {

    private FeedingContext() {
    }

    /** The author in whose name the document is fed (indirect authentication), or empty without RPPS. */
    static Optional<VihfSubject> author(DSLContext ctx, ClinicalDocument doc, InsNumber ins) {
        String rpps = doc.authorRpps();
        if (rpps == null || !rpps.matches("\\d{11}")) {
            return Optional.empty();
        }
        UserAccount user = new UserRepository(ctx).findByRpps(rpps).stream().findFirst().orElse(null);
        String name = user != null ? user.displayName() : doc.authorName() == null ? rpps : doc.authorName();
        String profession = user != null ? DmpUser.professionOf(user) : "10";
        String specialty = user != null ? user.specialtyCode() : null;
        return Optional.of(new VihfSubject("8" + rpps, name, profession, DmpUser.professionLabel(profession), specialty,
                specialty, AccessAuthentication.INDIRECT, PurposeOfUse.NORMAL, ins, null));
    }

    /**
     * The care episode the document belongs to: the episode of the report's order for a CR, else
     * the patient's most recent episode.
     */
    static Optional<CareEpisode> episode(DSLContext ctx, ClinicalDocument doc) {
        CareEpisodeRepository episodes = new CareEpisodeRepository(ctx);
        if (doc.reportVersionId() != null) {
            ReportRepository reports = new ReportRepository(ctx);
            Optional<CareEpisode> ofOrder = reports.findVersion(doc.reportVersionId())
                    .flatMap(v -> reports.findById(v.reportId()))
                    .flatMap(r -> new OrderRepository(ctx).findOrder(r.orderId()))
                    .flatMap(o -> o.careEpisodeId() == null ? Optional.empty() : episodes.findById(o.careEpisodeId()));
            if (ofOrder.isPresent()) {
                return ofOrder;
            }
        }
        return episodes.findByPatient(doc.patientId()).stream().findFirst();
    }
}
