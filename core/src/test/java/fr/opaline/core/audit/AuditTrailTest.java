package fr.opaline.core.audit;

import static fr.opaline.core.persistence.generated.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.Actor;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuditTrailTest {

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static void writeTen(CoreFixture f) {
        for (int i = 0; i < 10; i++) {
            f.clock.advance(Duration.ofMillis(1234567));
            f.audit.record(AuditEntry.of(Actor.user(UUID.randomUUID(), "u" + i), "TEST", UUID.randomUUID())
                    .on("thing", i).withDetail("détail n° " + i));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anUntouchedChainVerifies(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            writeTen(f);
            AuditVerification result = f.audit.verify();
            assertThat(result.intact()).isTrue();
            assertThat(result.eventsChecked()).isEqualTo(10);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aModifiedEventIsReported(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            writeTen(f);
            db.database().dsl().update(AUDIT_EVENT).set(AUDIT_EVENT.DETAIL, "rien").where(AUDIT_EVENT.SEQ.eq(4L)).execute();
            AuditVerification result = f.audit.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(4L);
            assertThat(result.problem()).contains("modifié");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aDeletedEventOrATruncatedTailIsReported(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            writeTen(f);
            db.database().dsl().deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(6L)).execute();
            assertThat(f.audit.verify().firstBrokenSeq()).isEqualTo(6L);
        }
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            writeTen(f);
            db.database().dsl().deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(10L)).execute();
            AuditVerification result = f.audit.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).contains("tête de chaîne");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anEventRecordedInARolledBackTransactionLeavesNoTrace(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            try {
                db.database().inTransactionRun(ctx -> {
                    f.audit.record(ctx, AuditEntry.of(Actor.system("t"), "TEST", null));
                    throw new IllegalStateException("rollback");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            f.audit.record(AuditEntry.of(Actor.system("t"), "TEST", null));
            assertThat(f.audit.verify().intact()).isTrue();
            assertThat(f.audit.latest(10)).hasSize(1);
        }
    }
}
