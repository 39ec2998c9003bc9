package fr.opaline.worklist.mwl;

import fr.opaline.core.common.LogSafe;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.DicomCharset;
import fr.opaline.worklist.dimse.Dimse;
import fr.opaline.worklist.dimse.FindHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Modality Worklist Information Model – FIND (PS3.4 annex K) over core's scheduled steps:
 * narrows in SQL, matches each candidate exactly on its full data set, answers the query's
 * return keys. At most {@code maxResults} items are returned; beyond, the final status says the
 * list was cut. Each query is written to the audit trail (who asked, from where, how many
 * patients were returned), since it discloses patient data.
 */
public final class ModalityWorklistFind implements FindHandler {

    public static final String AUDIT_ACTION = "WORKLIST_QUERIED";

    private static final Logger LOG = LoggerFactory.getLogger(ModalityWorklistFind.class);

    /**
     * @param defaultCharset response set for queries that state none
     * @param maxResults     most items one query returns
     */
    public record Options(DicomCharset defaultCharset, int maxResults) {
        public Options {
            Objects.requireNonNull(defaultCharset, "defaultCharset");
            if (maxResults < 1) {
                throw new IllegalArgumentException("maxResults doit être au moins 1");
            }
        }
    }

    private final WorklistRepository repository;
    private final WorklistDataset datasets;
    private final AuditTrail audit;
    private final Options options;

    public ModalityWorklistFind(WorklistRepository repository, WorklistDataset datasets, AuditTrail audit,
                                Options options) {
        this.repository = repository;
        this.datasets = datasets;
        this.audit = audit;
        this.options = options;
    }

    @Override
    public Outcome find(Request request) throws FindFailure {
        Attributes query = request.identifier();
        QueryMatcher matcher;
        WorklistFilter filter;
        try {
            matcher = QueryMatcher.compile(query);
            filter = WorklistFilter.of(query);
        } catch (IllegalArgumentException e) {
            throw new FindFailure(Dimse.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "Cle invalide " + e.getMessage());
        }
        List<WorklistItem> items = new ArrayList<>();
        List<Attributes> matched = new ArrayList<>();
        try {
            repository.forEach(filter, item -> {
                Attributes full = datasets.of(item);
                if (matcher.matches(full)) {
                    items.add(item);
                    matched.add(full);
                }
                return matched.size() <= options.maxResults();
            });
        } catch (DataAccessException e) {
            LOG.error("Worklist : lecture impossible pour {} ({})", request.callingAeTitle(), e.toString());
            throw new FindFailure(Dimse.UNABLE_TO_PROCESS, "Base de donnees indisponible");
        }
        boolean cut = matched.size() > options.maxResults();
        if (cut) {
            items.remove(items.size() - 1);
            matched.remove(matched.size() - 1);
        }
        record(request, items, cut);

        ResponseBuilder responses = new ResponseBuilder(query, options.defaultCharset());
        List<Attributes> answers = new ArrayList<>(matched.size());
        for (Attributes full : matched) {
            answers.add(responses.build(query, full));
        }
        int pending = responses.unsupportedKeys() ? Dimse.PENDING_WARNING : Dimse.PENDING;
        LOG.debug("Worklist : {} élément(s) pour {} ({})", answers.size(), request.callingAeTitle(),
                LogSafe.text(String.valueOf(filter)));
        return cut
                ? new Outcome(answers.iterator(), pending, Dimse.OUT_OF_RESOURCES,
                        "Plus de " + options.maxResults() + " resultats : affinez la requete")
                : new Outcome(answers.iterator(), pending, Dimse.SUCCESS, null);
    }

    private void record(Request request, List<WorklistItem> items, boolean cut) throws FindFailure {
        List<UUID> patients = items.stream().map(i -> i.patient().id()).distinct().toList();
        String steps = String.join(" ", items.stream().map(i -> i.step().stepId()).limit(60).toList());
        String detail = "C-FIND de " + request.callingAeTitle() + " (" + request.remote() + ") : " + items.size()
                + " élément(s), " + patients.size() + " patient(s)" + (cut ? ", liste tronquée" : "")
                + (steps.isEmpty() ? "" : " ; étapes " + steps + (items.size() > 60 ? " …" : ""));
        try {
            audit.record(AuditEntry.of(Actor.system("dicom:" + request.callingAeTitle()), AUDIT_ACTION,
                            patients.size() == 1 ? patients.get(0) : null)
                    .on("dicom_ae", request.callingAeTitle()).withDetail(detail));
        } catch (RuntimeException e) {
            LOG.error("Worklist : journal d'audit indisponible, requête de {} refusée ({})", request.callingAeTitle(),
                    e.toString());
            throw new FindFailure(Dimse.UNABLE_TO_PROCESS, "Journal d'audit indisponible");
        }
    }
}
