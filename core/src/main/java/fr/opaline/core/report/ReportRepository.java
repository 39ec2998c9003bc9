package fr.opaline.core.report;

import static fr.opaline.core.persistence.generated.Tables.REPORT;
import static fr.opaline.core.persistence.generated.Tables.REPORT_VERSION;

import fr.opaline.core.persistence.generated.tables.records.ReportRecord;
import fr.opaline.core.persistence.generated.tables.records.ReportVersionRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

public final class ReportRepository {

    private final DSLContext ctx;

    public ReportRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public void insert(Report report) {
        ReportRecord r = ctx.newRecord(REPORT);
        r.setId(report.id());
        r.setOrderId(report.orderId());
        r.setSetId(report.setId());
        r.setCurrentVersion(report.currentVersion());
        r.setStatus(report.status().name());
        r.setCreatedAt(report.createdAt());
        r.insert();
    }

    public void updateHead(UUID reportId, int currentVersion, ReportStatus status) {
        ctx.update(REPORT).set(REPORT.CURRENT_VERSION, currentVersion).set(REPORT.STATUS, status.name())
                .where(REPORT.ID.eq(reportId)).execute();
    }

    public void insert(ReportVersion v) {
        ctx.executeInsert(toRecord(v));
    }

    public void update(ReportVersion v) {
        ReportVersionRecord r = toRecord(v);
        r.changed(REPORT_VERSION.ID, false);
        ctx.update(REPORT_VERSION).set(r).where(REPORT_VERSION.ID.eq(v.id())).execute();
    }

    public Optional<Report> findById(UUID id) {
        return ctx.selectFrom(REPORT).where(REPORT.ID.eq(id)).fetchOptional(ReportRepository::toReport);
    }

    public Optional<Report> findByOrder(UUID orderId) {
        return ctx.selectFrom(REPORT).where(REPORT.ORDER_ID.eq(orderId)).fetchOptional(ReportRepository::toReport);
    }

    public List<ReportVersion> versions(UUID reportId) {
        return ctx.selectFrom(REPORT_VERSION).where(REPORT_VERSION.REPORT_ID.eq(reportId))
                .orderBy(REPORT_VERSION.VERSION_NUMBER).fetch(ReportRepository::toVersion);
    }

    public Optional<ReportVersion> findVersion(UUID versionId) {
        return ctx.selectFrom(REPORT_VERSION).where(REPORT_VERSION.ID.eq(versionId))
                .fetchOptional(ReportRepository::toVersion);
    }

    /** Locks the report row until the end of the transaction: one transition at a time per report. */
    public Optional<Report> lock(UUID reportId) {
        return ctx.selectFrom(REPORT).where(REPORT.ID.eq(reportId)).forUpdate().fetchOptional(ReportRepository::toReport);
    }

    public Optional<ReportVersion> version(UUID reportId, int versionNumber) {
        return ctx.selectFrom(REPORT_VERSION)
                .where(REPORT_VERSION.REPORT_ID.eq(reportId).and(REPORT_VERSION.VERSION_NUMBER.eq(versionNumber)))
                .fetchOptional(ReportRepository::toVersion);
    }

    ReportVersionRecord toRecord(ReportVersion v) {
        ReportVersionRecord r = ctx.newRecord(REPORT_VERSION);
        r.setId(v.id());
        r.setReportId(v.reportId());
        r.setVersionNumber(v.versionNumber());
        r.setDocumentUid(v.documentUid());
        r.setStatus(v.status().name());
        r.setIndication(v.indication());
        r.setTechnique(v.technique());
        r.setResults(v.results());
        r.setConclusion(v.conclusion());
        r.setAuthorId(v.authorId());
        r.setLegalAuthenticatorId(v.legalAuthenticatorId());
        r.setValidatedAt(v.validatedAt());
        r.setCreatedAt(v.createdAt());
        r.setInvisibleToPatient(v.invisibleToPatient());
        r.setStatusReason(v.statusReason());
        r.setRetractedAt(v.retractedAt());
        r.setReplacesDocumentUid(v.replacesDocumentUid());
        return r;
    }

    static Report toReport(ReportRecord r) {
        return new Report(r.getId(), r.getOrderId(), r.getSetId(), r.getCurrentVersion(),
                ReportStatus.valueOf(r.getStatus()), r.getCreatedAt());
    }

    static ReportVersion toVersion(ReportVersionRecord r) {
        return new ReportVersion(r.getId(), r.getReportId(), r.getVersionNumber(), r.getDocumentUid(),
                ReportStatus.valueOf(r.getStatus()), r.getIndication(), r.getTechnique(), r.getResults(),
                r.getConclusion(), r.getAuthorId(), r.getLegalAuthenticatorId(), r.getValidatedAt(), r.getCreatedAt(),
                r.getInvisibleToPatient(), r.getStatusReason(), r.getRetractedAt(), r.getReplacesDocumentUid());
    }
}
