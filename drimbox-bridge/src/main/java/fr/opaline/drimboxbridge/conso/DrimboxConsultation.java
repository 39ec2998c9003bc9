package fr.opaline.drimboxbridge.conso;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.ScheduledProcedureStep;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The contextual call to the practice's DRIMbox conso (SC.DB/TRA.05): the configured URL with the
 * patient and exam context — {@code {ins}}, {@code {insOid}} (only for a qualified INS), {@code {ipp}},
 * {@code {studyInstanceUid}}, {@code {accessionNumber}}, URL-encoded — opened only when the patient
 * consented to the consultation in the order's care episode (or break-glass was recorded). Each
 * call is audited; a refusal says why.
 */
public final class DrimboxConsultation {

    public static final String AUDIT_ACTION = "DRIMBOX_CONSULTED";

    private final Database database;
    private final AuditTrail audit;
    private final String template;

    public DrimboxConsultation(Database database, AuditTrail audit, String template) {
        this.database = database;
        this.audit = audit;
        this.template = template;
    }

    public URI contextualUrl(UUID orderId, Actor actor) {
        if (template == null || template.isBlank()) {
            throw new BusinessRuleException("Aucune DRIMbox de consultation configurée (drimbox.conso.url).");
        }
        return database.inTransaction(ctx -> {
            OrderRepository orders = new OrderRepository(ctx);
            ImagingOrder order = orders.findOrder(orderId).orElseThrow(() -> new NotFoundException("Demande introuvable"));
            Patient patient = new PatientRepository(ctx).findById(order.patientId()).orElseThrow();
            CareEpisodeRepository episodes = new CareEpisodeRepository(ctx);
            Optional<CareEpisode> episode = Optional.ofNullable(order.careEpisodeId()).flatMap(episodes::findById)
                    .or(() -> episodes.findOpen(patient.id()));
            if (episode.isEmpty() || !episode.get().consultationAllowed()) {
                throw new BusinessRuleException("Consultation de la DRIMbox refusée : le patient n'a pas donné son "
                        + "consentement à la consultation de ses images et documents pour cette prise en charge.");
            }
            List<ScheduledProcedureStep> steps = orders.stepsOfOrder(orderId);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("ins", patient.insQualified() ? patient.ins().matricule() : "");
            values.put("insOid", patient.insQualified() ? patient.ins().oid() : "");
            values.put("ipp", patient.ipp());
            values.put("studyInstanceUid", steps.isEmpty() ? "" : steps.get(0).studyInstanceUid());
            values.put("accessionNumber", order.accessionNumber());
            String url = template;
            for (var e : values.entrySet()) {
                url = url.replace("{" + e.getKey() + "}", URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            }
            audit.record(ctx, AuditEntry.of(actor, AUDIT_ACTION, patient.id()).on("imaging_order", orderId)
                    .withDetail("Appel contextuel DRIMbox conso"));
            return URI.create(url);
        });
    }
}
