package fr.opaline.core.audit;

/**
 * Outcome of walking the audit chain: {@code keyedFromSeq} is where the keyed (HMAC) chain starts,
 * null when it is not keyed; {@code anchorsChecked} counts the anchors written outside the
 * database that were compared.
 */
public record AuditVerification(boolean intact, long eventsChecked, Long firstBrokenSeq, String problem,
                                Long keyedFromSeq, int anchorsChecked) {

    static AuditVerification intact(long checked, Long keyedFromSeq, int anchorsChecked) {
        return new AuditVerification(true, checked, null, null, keyedFromSeq, anchorsChecked);
    }

    static AuditVerification broken(long checked, long seq, String problem) {
        return new AuditVerification(false, checked, seq, problem, null, 0);
    }
}
