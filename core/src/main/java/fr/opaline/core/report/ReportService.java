package fr.opaline.core.report;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.order.ExamProgressService;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.RequestedProcedure;
import fr.opaline.core.order.ScheduledProcedureStep;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.uid.UidGenerator;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * The life of a compte rendu d'imagerie: a draft pre-filled from the order and the exam
 * (SC.DOC.03), validated by a radiologist identified by RPPS (legal authenticator), amended
 * (a new version with the same setId and versionNumber + 1) or retracted. Every transition is
 * audited and runs under a lock on the report row; validations, amendments and retractions call
 * the {@link ReportPublicationListener}s in the same transaction.
 */
public final class ReportService {

    private static final Pattern RPPS = Pattern.compile("\\d{11}");

    private final Database database;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final UidGenerator uids;
    private final List<ReportPublicationListener> listeners = new CopyOnWriteArrayList<>();

    public ReportService(Database database, AuditTrail audit, IdGenerator ids, Clock clock, UidGenerator uids) {
        this.database = database;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.uids = uids;
    }

    /** Registers a listener; listeners run in registration order (see {@link ReportPublicationListener}). */
    public void addPublicationListener(ReportPublicationListener listener) {
        listeners.add(listener);
    }

    /**
     * Opens the report of an order with its first draft: indication from the order, technique
     * from the exam performed. An order has one report; asking again returns its latest version.
     */
    public ReportVersion createDraft(UUID orderId, Actor author) {
        return database.inTransaction(ctx -> createDraft(ctx, orderId, author));
    }

    public ReportVersion createDraft(DSLContext ctx, UUID orderId, Actor author) {
        UserAccount writer = user(ctx, author);
        OrderRepository orders = new OrderRepository(ctx);
        ImagingOrder order = orders.findOrder(orderId).orElseThrow(() -> new NotFoundException("Demande introuvable"));
        ReportRepository reports = new ReportRepository(ctx);
        Optional<Report> existing = reports.findByOrder(orderId);
        if (existing.isPresent()) {
            return reports.version(existing.get().id(), existing.get().currentVersion()).orElseThrow();
        }
        Instant now = clock.instant();
        Report report = new Report(ids.newId(), orderId, uids.newDocumentUid(ctx), 1, ReportStatus.DRAFT, now);
        reports.insert(report);
        ReportVersion draft = new ReportVersion(ids.newId(), report.id(), 1, uids.newDocumentUid(ctx), ReportStatus.DRAFT,
                order.clinicalIndication(), technique(ctx, orders, orderId), null, null, writer.id(), null, null, now,
                false, null, null, null);
        draft = draft.withContent(draft.content());
        reports.insert(draft);
        // Dicté only for an exam that was performed: writing does not make an exam happen.
        for (ScheduledProcedureStep step : orders.stepsOfOrder(orderId)) {
            if (step.status() == StepStatus.COMPLETED) {
                moveStep(orders, step, StepStatus.REPORTED, now);
            }
        }
        audit.record(ctx, AuditEntry.of(author, ReportAuditActions.DRAFT_CREATED, order.patientId())
                .on("report", report.id()).withDetail("demande " + order.accessionNumber()));
        return draft;
    }

    /**
     * What a new report of the order would start from (indication from the order, technique from
     * the exam), read without writing anything: opening an exam creates no draft.
     */
    public ReportContent prefill(UUID orderId) {
        return database.inTransaction(ctx -> {
            OrderRepository orders = new OrderRepository(ctx);
            ImagingOrder order = orders.findOrder(orderId).orElseThrow(() -> new NotFoundException("Demande introuvable"));
            return new ReportContent(order.clinicalIndication(), technique(ctx, orders, orderId), null, null);
        });
    }

    /** Replaces the text of the current draft. */
    public ReportVersion updateDraft(UUID reportId, ReportContent content, Actor actor) {
        return database.inTransaction(ctx -> {
            ReportRepository reports = new ReportRepository(ctx);
            Report report = lock(reports, reportId);
            ReportVersion draft = current(reports, report);
            if (draft.status() != ReportStatus.DRAFT) {
                throw new BusinessRuleException("Ce compte rendu est « " + draft.status().label()
                        + " » : seul un brouillon se modifie (utilisez « Modifier » pour créer une nouvelle version).");
            }
            checkLengths(content);
            ReportVersion updated = draft.withContent(content);
            reports.update(updated);
            audit.record(ctx, AuditEntry.of(actor, ReportAuditActions.DRAFT_UPDATED, patientOf(ctx, report))
                    .on("report_version", draft.id()).withDetail("version " + draft.versionNumber()));
            return updated;
        });
    }

    /**
     * Validates the current draft of a performed exam; see {@link #validate(UUID, Actor, String)}.
     */
    public ReportVersion validate(UUID reportId, Actor radiologist) {
        return validate(reportId, radiologist, null);
    }

    /**
     * Validates the current draft; the actor is the legal authenticator and must be an active
     * radiologist with an RPPS. A draft that follows a validated version amends it. The exam must
     * have been performed (every step of the order réalisé, dicté or validé); otherwise only an
     * explicit override with its reason validates, and the override is audited.
     *
     * @param overrideReason why the radiologist signs for an exam not marked réalisé; null or blank: no override
     * @throws ExamNotPerformedException the exam is not réalisé and there is no override
     */
    public ReportVersion validate(UUID reportId, Actor radiologist, String overrideReason) {
        return database.inTransaction(ctx -> {
            UserAccount signer = user(ctx, radiologist);
            if (signer.role() != Role.RADIOLOGUE || !signer.active() || signer.rpps() == null
                    || !RPPS.matcher(signer.rpps()).matches()) {
                throw new BusinessRuleException("Seul un radiologue actif identifié par son RPPS (11 chiffres) peut "
                        + "valider un compte rendu.");
            }
            ReportRepository reports = new ReportRepository(ctx);
            Report report = lock(reports, reportId);
            ReportVersion draft = current(reports, report);
            if (draft.status() != ReportStatus.DRAFT) {
                throw new BusinessRuleException("Ce compte rendu est déjà « " + draft.status().label() + " ».");
            }
            if (draft.results().isBlank() || draft.conclusion().isBlank()) {
                throw new BusinessRuleException("Renseignez les résultats et la conclusion avant de valider.");
            }
            OrderRepository stepsOfOrder = new OrderRepository(ctx);
            List<ScheduledProcedureStep> notPerformed = stepsOfOrder.stepsOfOrder(report.orderId()).stream()
                    .filter(step -> !ExamProgressService.performed(step)).toList();
            boolean override = overrideReason != null && !overrideReason.isBlank();
            if (!notPerformed.isEmpty() && !override) {
                ScheduledProcedureStep step = notPerformed.get(0);
                throw new ExamNotPerformedException("L'examen « " + step.description() + " » est « "
                        + step.status().label() + " » : il n'a pas été marqué réalisé. Un compte rendu se valide pour un "
                        + "examen réalisé (le manipulateur l'indique depuis le moniteur de worklist), ou par une "
                        + "dérogation dont vous donnez le motif.", step.status());
            }
            if (override) {
                requireReason(overrideReason, "la dérogation");
            }
            Instant now = clock.instant();
            UUID patientOfReport = patientOf(ctx, report);
            if (!notPerformed.isEmpty()) {
                audit.record(ctx, AuditEntry.of(radiologist, ReportAuditActions.VALIDATION_OVERRIDE, patientOfReport)
                        .on("report_version", draft.id()).withDetail("examen « " + notPerformed.get(0).status().label()
                                + " » non marqué réalisé ; motif : " + overrideReason.strip()));
            }
            ReportVersion replaced = draft.versionNumber() == 1 ? null
                    : reports.version(reportId, draft.versionNumber() - 1).filter(v -> v.status() == ReportStatus.VALIDATED)
                    .orElse(null);
            if (replaced != null) {
                reports.update(replaced.withStatus(ReportStatus.SUPERSEDED));
                new DocumentRepository(ctx).findByReportVersion(replaced.id()).forEach(d ->
                        new DocumentRepository(ctx).updateStatus(d.id(), fr.opaline.core.document.DocumentStatus.SUPERSEDED));
            }
            ReportVersion validated = draft.validated(signer.id(), now);
            reports.update(validated);
            reports.updateHead(reportId, validated.versionNumber(), ReportStatus.VALIDATED);
            OrderRepository orders = new OrderRepository(ctx);
            orders.stepsOfOrder(report.orderId()).forEach(step -> moveStep(orders, step, StepStatus.VALIDATED, now));
            UUID patientId = patientOfReport;
            ReportPublication.Kind kind = replaced == null ? ReportPublication.Kind.VALIDATED : ReportPublication.Kind.AMENDED;
            audit.record(ctx, AuditEntry.of(radiologist, ReportAuditActions.VALIDATED, patientId)
                    .on("report_version", validated.id()).withDetail("version " + validated.versionNumber()
                            + " validée par RPPS " + signer.rpps() + (replaced == null ? "" : ", remplace la version "
                            + replaced.versionNumber())));
            publish(ctx, new ReportPublication(kind, reports.findById(reportId).orElseThrow(), validated, replaced,
                    patientId, report.orderId(), radiologist, now));
            return validated;
        });
    }

    /** Starts an amendment: a new draft (versionNumber + 1, same setId) with the text of the version in force. */
    public ReportVersion amend(UUID reportId, String reason, Actor actor) {
        return database.inTransaction(ctx -> {
            UserAccount writer = user(ctx, actor);
            ReportRepository reports = new ReportRepository(ctx);
            Report report = lock(reports, reportId);
            ReportVersion inForce = current(reports, report);
            if (inForce.status() != ReportStatus.VALIDATED) {
                throw new BusinessRuleException(inForce.status() == ReportStatus.DRAFT
                        ? "Une version en brouillon existe déjà : modifiez-la puis validez-la."
                        : "Un compte rendu « " + inForce.status().label() + " » ne peut plus être modifié.");
            }
            requireReason(reason, "la modification");
            Instant now = clock.instant();
            ReportVersion draft = new ReportVersion(ids.newId(), reportId, inForce.versionNumber() + 1,
                    uids.newDocumentUid(ctx), ReportStatus.DRAFT, inForce.indication(), inForce.technique(),
                    inForce.results(), inForce.conclusion(), writer.id(), null, null, now, inForce.invisibleToPatient(),
                    reason.strip(), null, inForce.documentUid());
            reports.insert(draft);
            reports.updateHead(reportId, draft.versionNumber(), ReportStatus.DRAFT);
            audit.record(ctx, AuditEntry.of(actor, ReportAuditActions.AMENDMENT_STARTED, patientOf(ctx, report))
                    .on("report_version", draft.id()).withDetail("version " + draft.versionNumber() + " : " + reason.strip()));
            return draft;
        });
    }

    /** Withdraws the version in force (and an amendment in progress); the report is then closed. */
    public ReportVersion retract(UUID reportId, String reason, Actor actor) {
        return database.inTransaction(ctx -> {
            ReportRepository reports = new ReportRepository(ctx);
            Report report = lock(reports, reportId);
            requireReason(reason, "le retrait");
            ReportVersion inForce = reports.versions(reportId).stream()
                    .filter(v -> v.status() == ReportStatus.VALIDATED).findFirst()
                    .orElseThrow(() -> new BusinessRuleException("Aucune version validée à retirer : un brouillon "
                            + "n'a pas été diffusé."));
            Instant now = clock.instant();
            ReportVersion retracted = inForce.retracted(reason.strip(), now);
            reports.update(retracted);
            reports.versions(reportId).stream().filter(v -> v.status() == ReportStatus.DRAFT)
                    .forEach(v -> reports.update(v.retracted(reason.strip(), now)));
            reports.updateHead(reportId, report.currentVersion(), ReportStatus.RETRACTED);
            DocumentRepository documents = new DocumentRepository(ctx);
            documents.findByReportVersion(inForce.id()).forEach(d ->
                    documents.updateStatus(d.id(), fr.opaline.core.document.DocumentStatus.DELETED));
            UUID patientId = patientOf(ctx, report);
            audit.record(ctx, AuditEntry.of(actor, ReportAuditActions.RETRACTED, patientId)
                    .on("report_version", inForce.id()).withDetail("version " + inForce.versionNumber() + " : " + reason.strip()));
            publish(ctx, new ReportPublication(ReportPublication.Kind.RETRACTED, reports.findById(reportId).orElseThrow(),
                    retracted, null, patientId, report.orderId(), actor, now));
            return retracted;
        });
    }

    /**
     * Marks the current version (and its stored documents) invisible, or visible again, to the
     * patient. Sharing modules read the flag when they build their metadata.
     */
    public ReportVersion setInvisibleToPatient(UUID reportId, boolean invisible, Actor actor) {
        return database.inTransaction(ctx -> {
            ReportRepository reports = new ReportRepository(ctx);
            Report report = lock(reports, reportId);
            ReportVersion version = current(reports, report);
            if (version.status() == ReportStatus.RETRACTED) {
                throw new BusinessRuleException("Ce compte rendu est retiré.");
            }
            ReportVersion changed = version.withInvisibleToPatient(invisible);
            reports.update(changed);
            DocumentRepository documents = new DocumentRepository(ctx);
            documents.findByReportVersion(version.id()).forEach(d ->
                    documents.updateVisibility(d.id(), invisible, d.hiddenFromLegalRepresentatives()));
            audit.record(ctx, AuditEntry.of(actor, ReportAuditActions.VISIBILITY_CHANGED, patientOf(ctx, report))
                    .on("report_version", version.id()).withDetail(invisible ? "invisible au patient" : "visible au patient"));
            return changed;
        });
    }

    /** The report of an order as a user opens it: its content is shown, so the read is audited (REPORT_READ). */
    public Optional<Report> read(UUID orderId, Actor reader) {
        return database.inTransaction(ctx -> {
            Optional<Report> report = new ReportRepository(ctx).findByOrder(orderId);
            report.ifPresent(r -> audit.record(ctx, AuditEntry.of(reader, ReportAuditActions.READ, patientOf(ctx, r))
                    .on("report", r.id()).withDetail("version " + r.currentVersion())));
            return report;
        });
    }

    public Optional<Report> findByOrder(UUID orderId) {
        return new ReportRepository(database.dsl()).findByOrder(orderId);
    }

    public List<ReportVersion> versions(UUID reportId) {
        return new ReportRepository(database.dsl()).versions(reportId);
    }

    private void publish(DSLContext ctx, ReportPublication publication) {
        for (ReportPublicationListener listener : listeners) {
            listener.onPublication(ctx, publication);
        }
    }

    private static Report lock(ReportRepository reports, UUID reportId) {
        return reports.lock(reportId).orElseThrow(() -> new NotFoundException("Compte rendu introuvable"));
    }

    private static ReportVersion current(ReportRepository reports, Report report) {
        return reports.version(report.id(), report.currentVersion()).orElseThrow();
    }

    private static UUID patientOf(DSLContext ctx, Report report) {
        return new OrderRepository(ctx).findOrder(report.orderId()).map(ImagingOrder::patientId).orElse(null);
    }

    private static UserAccount user(DSLContext ctx, Actor actor) {
        if (actor.userId() == null) {
            throw new BusinessRuleException("Un compte rendu est rédigé et validé par un utilisateur identifié.");
        }
        return new UserRepository(ctx).findById(actor.userId())
                .orElseThrow(() -> new NotFoundException("Utilisateur introuvable"));
    }

    private static String technique(DSLContext ctx, OrderRepository orders, UUID orderId) {
        CatalogueRepository catalogue = new CatalogueRepository(ctx);
        StringBuilder text = new StringBuilder();
        for (RequestedProcedure procedure : orders.proceduresOf(orderId)) {
            ExamType exam = catalogue.examType(procedure.examTypeId()).orElse(null);
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(procedure.description());
            if (exam != null) {
                text.append(" (").append(exam.modality().label()).append(')');
            }
        }
        return text.toString();
    }

    private static void moveStep(OrderRepository orders, ScheduledProcedureStep step, StepStatus next, Instant now) {
        if (step.status().canMoveTo(next)) {
            orders.updateStepStatus(step.id(), next, now);
        }
    }

    private static void requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("Indiquez le motif de " + what + ".");
        }
        if (reason.length() > 1000) {
            throw new BusinessRuleException("Le motif ne doit pas dépasser 1000 caractères.");
        }
    }

    private static void checkLengths(ReportContent content) {
        if (content.indication().length() > ReportContent.MAX_PART || content.technique().length() > ReportContent.MAX_PART
                || content.conclusion().length() > ReportContent.MAX_PART
                || content.results().length() > ReportContent.MAX_RESULTS) {
            throw new BusinessRuleException("Texte trop long : " + ReportContent.MAX_PART + " caractères au plus par rubrique ("
                    + ReportContent.MAX_RESULTS + " pour les résultats).");
        }
    }
}
