package fr.opaline.core.audit;

/** Outcome of walking the audit chain. */
public record AuditVerification(boolean intact, long eventsChecked, Long firstBrokenSeq, String problem) {

    static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, null, null);
    }

    static AuditVerification broken(long checked, long seq, String problem) {
        return new AuditVerification(false, checked, seq, problem);
    }
}
