package fr.opaline.core.audit;

import static fr.opaline.core.persistence.generated.Tables.AUDIT_EVENT;
import static fr.opaline.core.persistence.generated.Tables.AUDIT_HEAD;

import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.generated.tables.records.AuditEventRecord;
import fr.opaline.core.persistence.generated.tables.records.AuditHeadRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only, hash-chained audit trail. Appends lock the single head row, so events from
 * several processes form one chain; a change to any stored event breaks the chain, which
 * {@link #verify()} reports.
 *
 * <p>With an {@link AuditKey}, the chain is keyed (HMAC-SHA256) from the first event written with
 * it: the head row records that event's number and the key's fingerprint. Someone who can write
 * the database but not read the key file cannot recompute the hashes after editing an event.
 * With {@link AuditAnchors}, the start of the keyed chain and the head at given times are also
 * written outside the database, so removing the last events or the key from the head is found.
 * A trail without a key (tests of other modules) writes the plain chain, and refuses to write
 * once the chain is keyed.
 */
public final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final int VERIFY_PAGE = 5_000;

    private final Database database;
    private final Clock clock;
    private final AuditKey key;
    private final AuditAnchors anchors;

    /** A trail of the plain chain: for databases whose chain is not keyed (tests). */
    public AuditTrail(Database database, Clock clock) {
        this(database, clock, null, null);
    }

    public AuditTrail(Database database, Clock clock, AuditKey key, AuditAnchors anchors) {
        this.database = database;
        this.clock = clock;
        this.key = key;
        this.anchors = anchors;
    }

    /**
     * The trail of a process that runs the practice: loads the key file (creating it on the first
     * start, when the database has no keyed chain yet), checks that it is the chain's key, and
     * starts the keyed chain if the database had none.
     *
     * @throws AuditKeyException when the chain is keyed and the key file is absent or another one,
     *                           or when the anchors say the chain was keyed and the database no longer is
     */
    public static AuditTrail keyed(Database database, Clock clock, Path keyFile, AuditAnchors anchors) {
        AuditHeadRecord head = database.dsl().selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
        AuditKey key;
        if (head.getKeyId() == null) {
            if (anchors != null && anchors.keyedStart().isPresent()) {
                throw new AuditKeyException("Journal d'audit : la base ne porte plus la chaîne signée qui a commencé à"
                        + " l'événement n° " + anchors.keyedStart().get().seq() + " (d'après " + anchors.file()
                        + ") ; la base a été modifiée en dehors d'Opaline. Lancez « opaline audit verify » et"
                        + " restaurez une sauvegarde (opaline db restore) si l'altération est confirmée.");
            }
            key = AuditKey.loadOrCreate(keyFile);
        } else {
            key = AuditKey.load(keyFile).orElseThrow(() -> new AuditKeyException("Journal d'audit : la clé de la"
                    + " chaîne (empreinte " + head.getKeyId() + ") est absente (" + keyFile + "). Elle est créée au"
                    + " premier démarrage du serveur du cabinet ; remettez-la depuis la sauvegarde du dossier secrets."));
            requireSameKey(key, head.getKeyId(), keyFile.toString());
        }
        AuditTrail trail = new AuditTrail(database, clock, key, anchors);
        trail.startKeyedChain();
        return trail;
    }

    private static void requireSameKey(AuditKey key, String chainKeyId, String where) {
        if (key == null) {
            throw new AuditKeyException("Journal d'audit : la chaîne est signée (clé d'empreinte " + chainKeyId
                    + ") et ce processus n'a pas sa clé (audit.keyFile, créée au premier démarrage du serveur du cabinet) :"
                    + " il ne peut ni y écrire ni la vérifier.");
        }
        if (!key.id().equals(chainKeyId)) {
            throw new AuditKeyException("Journal d'audit : la clé " + where + " (empreinte " + key.id()
                    + ") n'est pas celle de la chaîne (empreinte " + chainKeyId + "). Utilisez la clé du serveur du"
                    + " cabinet (audit.keyFile).");
        }
    }

    /** Starts the keyed chain after the last event if the database has none; no-op otherwise. */
    public void startKeyedChain() {
        if (key == null) {
            return;
        }
        Long started = database.inTransaction(ctx -> {
            AuditHeadRecord head = ctx.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetchSingle();
            if (head.getKeyId() != null) {
                requireSameKey(key, head.getKeyId(), "de ce processus");
                return null;
            }
            long from = head.getLastSeq() + 1;
            ctx.update(AUDIT_HEAD).set(AUDIT_HEAD.KEYED_FROM_SEQ, from).set(AUDIT_HEAD.KEY_ID, key.id())
                    .where(AUDIT_HEAD.ID.eq(1)).execute();
            return from;
        });
        if (started != null) {
            LOG.info("Audit chain keyed (HMAC-SHA256) from event {} with key {}", started, key.id());
            if (anchors != null) {
                anchors.start(clock.instant(), started, key.id());
            }
        }
    }

    /** The current head (last event number and hash), for the anchors and the backups. */
    public AuditHead head() {
        AuditHeadRecord head = database.dsl().selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
        return new AuditHead(head.getLastSeq(), head.getLastHash(), head.getKeyedFromSeq(), head.getKeyId());
    }

    /**
     * Writes the current head in the anchors file and in the log ("daily line in the server log"),
     * where someone who can write the database cannot reach it.
     */
    public AuditHead anchor() {
        AuditHead head = head();
        LOG.info("Ancre du journal d'audit : événement n° {}, empreinte {}", head.lastSeq(), head.lastHash());
        if (anchors != null) {
            anchors.head(clock.instant(), head.lastSeq(), head.lastHash());
        }
        return head;
    }

    /** After a restore: the anchors written before describe a chain that no longer exists. */
    public void restored() {
        if (anchors != null) {
            AuditHead head = head();
            anchors.restored(clock.instant(), head.lastSeq(), head.lastHash());
        }
    }

    /** Records the entry in its own transaction (reads, logins, searches). */
    public AuditEvent record(AuditEntry entry) {
        return database.inTransaction(ctx -> record(ctx, entry));
    }

    /** Records the entry in the caller's transaction: the event exists iff the change commits. */
    public AuditEvent record(DSLContext ctx, AuditEntry entry) {
        AuditHeadRecord head = ctx.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetchSingle();
        long seq = head.getLastSeq() + 1;
        boolean starting = false;
        AuditKey signing = null;
        if (head.getKeyId() != null) {
            requireSameKey(key, head.getKeyId(), "de ce processus");
            signing = key;
        } else if (key != null) {
            starting = true; // the keyed chain starts with this event (startKeyedChain was not called)
            signing = key;
        }
        // Micro-second precision: what both H2 and PostgreSQL store, so the hash survives a round trip.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID actorId = entry.actor().userId();
        String hash = AuditChain.hash(signing, head.getLastHash(), seq, at, actorId, entry.actor().login(), entry.action(),
                entry.patientId(), entry.objectType(), entry.objectId(), entry.detail());
        ctx.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.SEQ, seq)
                .set(AUDIT_EVENT.OCCURRED_AT, at)
                .set(AUDIT_EVENT.ACTOR_ID, actorId)
                .set(AUDIT_EVENT.ACTOR_LOGIN, entry.actor().login())
                .set(AUDIT_EVENT.ACTION, entry.action())
                .set(AUDIT_EVENT.PATIENT_ID, entry.patientId())
                .set(AUDIT_EVENT.OBJECT_TYPE, entry.objectType())
                .set(AUDIT_EVENT.OBJECT_ID, entry.objectId())
                .set(AUDIT_EVENT.DETAIL, entry.detail())
                .set(AUDIT_EVENT.PREV_HASH, head.getLastHash())
                .set(AUDIT_EVENT.HASH, hash)
                .execute();
        var update = ctx.update(AUDIT_HEAD)
                .set(AUDIT_HEAD.LAST_SEQ, seq)
                .set(AUDIT_HEAD.LAST_HASH, hash);
        if (starting) {
            update = update.set(AUDIT_HEAD.KEYED_FROM_SEQ, seq).set(AUDIT_HEAD.KEY_ID, key.id());
        }
        update.where(AUDIT_HEAD.ID.eq(1)).execute();
        return new AuditEvent(seq, at, actorId, entry.actor().login(), entry.action(), entry.patientId(),
                entry.objectType(), entry.objectId(), entry.detail(), head.getLastHash(), hash);
    }

    public List<AuditEvent> forPatient(UUID patientId, int limit) {
        return database.dsl().selectFrom(AUDIT_EVENT)
                .where(AUDIT_EVENT.PATIENT_ID.eq(patientId))
                .orderBy(AUDIT_EVENT.SEQ.desc())
                .limit(limit)
                .fetch(AuditTrail::toEvent);
    }

    public List<AuditEvent> latest(int limit) {
        return database.dsl().selectFrom(AUDIT_EVENT)
                .orderBy(AUDIT_EVENT.SEQ.desc())
                .limit(limit)
                .fetch(AuditTrail::toEvent);
    }

    /** Walks the whole chain in order. */
    public AuditVerification verify() {
        return verify(event -> { });
    }

    /**
     * Walks the whole chain in order: plain SHA-256 before the keyed chain, HMAC with this trail's
     * key from it on; then checks the head row and every anchor written outside the database.
     *
     * @throws AuditKeyException when the chain is keyed and this trail has no key or another one
     */
    public AuditVerification verify(Consumer<AuditEvent> progress) {
        List<AuditAnchors.Anchor> outside = anchors == null ? List.of() : anchors.current();
        return database.inSnapshot(ctx -> {
            AuditHeadRecord head = ctx.selectFrom(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
            Long keyedFrom = head.getKeyedFromSeq();
            var start = outside.stream().filter(a -> a.kind() == AuditAnchors.Kind.START).reduce((x, y) -> y);
            if (start.isPresent() && (keyedFrom == null || keyedFrom != start.get().seq())) {
                long seq = keyedFrom == null ? start.get().seq() : Math.min(keyedFrom, start.get().seq());
                return AuditVerification.broken(0, seq, "la chaîne signée commence à l'événement n° "
                        + start.get().seq() + " d'après " + anchors.file() + ", la base dit "
                        + (keyedFrom == null ? "qu'elle n'est pas signée" : "n° " + keyedFrom)
                        + " : la tête de chaîne a été modifiée dans la base");
            }
            if (head.getKeyId() != null) {
                requireSameKey(key, head.getKeyId(), "donnée");
            }
            String expectedPrev = AuditChain.GENESIS;
            long expectedSeq = 1;
            long checked = 0;
            Map<Long, String> anchored = new HashMap<>();
            for (AuditAnchors.Anchor anchor : outside) {
                if (anchor.kind() != AuditAnchors.Kind.START) {
                    anchored.put(anchor.seq(), anchor.hash());
                }
            }
            while (true) {
                List<AuditEvent> page = ctx.selectFrom(AUDIT_EVENT)
                        .where(AUDIT_EVENT.SEQ.ge(expectedSeq))
                        .orderBy(AUDIT_EVENT.SEQ)
                        .limit(VERIFY_PAGE)
                        .fetch(AuditTrail::toEvent);
                for (AuditEvent event : page) {
                    if (event.seq() != expectedSeq) {
                        return AuditVerification.broken(checked, expectedSeq,
                                "événement n° " + expectedSeq + " manquant (suivant trouvé : " + event.seq() + ")");
                    }
                    if (!event.prevHash().equals(expectedPrev)) {
                        return AuditVerification.broken(checked, event.seq(),
                                "le chaînage avec l'événement précédent est rompu");
                    }
                    boolean keyed = keyedFrom != null && event.seq() >= keyedFrom;
                    if (!AuditChain.hash(keyed ? key : null, event).equals(event.hash())) {
                        return AuditVerification.broken(checked, event.seq(), keyed
                                ? "le contenu de l'événement a été modifié (signature HMAC invalide)"
                                : "le contenu de l'événement a été modifié");
                    }
                    String anchoredHash = anchored.get(event.seq());
                    if (anchoredHash != null && !anchoredHash.equals(event.hash())) {
                        return AuditVerification.broken(checked, event.seq(),
                                "l'événement ne correspond plus à l'ancre écrite hors de la base");
                    }
                    progress.accept(event);
                    expectedPrev = event.hash();
                    expectedSeq++;
                    checked++;
                }
                if (page.size() < VERIFY_PAGE) {
                    break;
                }
            }
            if (head.getLastSeq() != checked || !head.getLastHash().equals(expectedPrev)) {
                return AuditVerification.broken(checked, checked + 1,
                        "la tête de chaîne (n° " + head.getLastSeq() + ") ne correspond pas au dernier événement");
            }
            long lastAnchored = anchored.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            if (lastAnchored > checked) {
                return AuditVerification.broken(checked, checked + 1, "l'ancre écrite hors de la base mentionne"
                        + " l'événement n° " + lastAnchored + " : les événements " + (checked + 1) + " à " + lastAnchored
                        + " ont été supprimés");
            }
            return AuditVerification.intact(checked, keyedFrom, anchored.size());
        });
    }

    /**
     * Checks the chain against a head recorded elsewhere (a backup's manifest): event {@code seq}
     * must still exist with that hash.
     */
    public AuditVerification checkAnchor(long seq, String hash, String source) {
        if (seq == 0) {
            return AuditVerification.intact(0, null, 1);
        }
        String stored = database.dsl().select(AUDIT_EVENT.HASH).from(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(seq))
                .fetchOne(AUDIT_EVENT.HASH);
        if (stored == null) {
            return AuditVerification.broken(0, seq, "l'événement n° " + seq + " enregistré dans " + source
                    + " n'existe plus dans la base");
        }
        if (!stored.equals(hash)) {
            return AuditVerification.broken(0, seq, "l'événement ne correspond plus à celui enregistré dans " + source);
        }
        return AuditVerification.intact(seq, null, 1);
    }

    static AuditEvent toEvent(AuditEventRecord r) {
        return new AuditEvent(r.getSeq(), r.getOccurredAt(), r.getActorId(), r.getActorLogin(), r.getAction(),
                r.getPatientId(), r.getObjectType(), r.getObjectId(), r.getDetail(), r.getPrevHash(), r.getHash());
    }
}
