package fr.opaline.server.record;

import static fr.opaline.core.persistence.generated.Tables.AUDIT_EVENT;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.report.ReportAuditActions;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Who viewed which document, read from the audit trail for the DPO (SC.DMP/CONF.14): every load of
 * a document's content (viewer, copy) and every opening of a CR in the editor, as CSV (semicolon,
 * UTF-8, the French spreadsheet's default): date, user, RPPS, patient, IPP, document, source.
 */
public final class DocumentViews {

    /** The audit actions that are a view of a document's content. */
    public static final List<String> VIEW_ACTIONS = List.of(DocumentEndpoint.AUDIT_DOCUMENT_READ, ReportAuditActions.READ);
    public static final String HEADER = "date;utilisateur;rpps;patient;ipp;document;source";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private DocumentViews() {
    }

    /** The views in [from, to), oldest first, as CSV with its header line. */
    public static String csv(DSLContext ctx, Instant from, Instant to, ZoneId zone) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        Map<UUID, Optional<UserAccount>> users = new HashMap<>();
        Map<UUID, Optional<Patient>> patients = new HashMap<>();
        ctx.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.in(VIEW_ACTIONS))
                .and(AUDIT_EVENT.OCCURRED_AT.ge(from)).and(AUDIT_EVENT.OCCURRED_AT.lt(to))
                .orderBy(AUDIT_EVENT.SEQ).forEach(e -> {
                    Optional<UserAccount> user = e.getActorId() == null ? Optional.empty()
                            : users.computeIfAbsent(e.getActorId(), id -> new UserRepository(ctx).findById(id));
                    Optional<Patient> patient = e.getPatientId() == null ? Optional.empty()
                            : patients.computeIfAbsent(e.getPatientId(), id -> new PatientRepository(ctx).findById(id));
                    String document;
                    String source;
                    if (ReportAuditActions.READ.equals(e.getAction())) {
                        document = "Compte rendu" + (e.getDetail() == null ? "" : " (" + e.getDetail() + ")");
                        source = "Éditeur de comptes rendus";
                    } else {
                        Optional<ClinicalDocument> doc = documentOf(ctx, e.getObjectId());
                        document = doc.map(ClinicalDocument::title).orElse(e.getDetail());
                        source = doc.map(d -> d.provenance().label()).orElse("Document supprimé");
                    }
                    String[] fields = {DATE.format(e.getOccurredAt().atZone(zone)),
                            user.map(UserAccount::displayName).orElse(e.getActorLogin()) + " (" + e.getActorLogin() + ")",
                            user.map(UserAccount::rpps).orElse(""),
                            patient.map(p -> p.traits().birthName() + " " + p.traits().firstBirthFirstName()).orElse(""),
                            patient.map(Patient::ipp).orElse(""), document, source};
                    for (int i = 0; i < fields.length; i++) {
                        out.append(i == 0 ? "" : ";").append(cell(fields[i]));
                    }
                    out.append("\r\n");
                });
        return out.toString();
    }

    private static Optional<ClinicalDocument> documentOf(DSLContext ctx, String objectId) {
        try {
            return objectId == null ? Optional.empty() : new DocumentRepository(ctx).findById(UUID.fromString(objectId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A CSV cell: quoted when it holds the separator, a quote or a line break; a formula is defused. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
