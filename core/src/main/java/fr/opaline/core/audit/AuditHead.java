package fr.opaline.core.audit;

/** The head of the chain: its last event, and where the keyed chain starts (null: not keyed). */
public record AuditHead(long lastSeq, String lastHash, Long keyedFromSeq, String keyId) {
}
