package fr.opaline.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.SeedBackupRestoreTest.Run;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.common.Actor;
import fr.opaline.core.audit.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone with the database's credentials but not the server's secrets edits an audit event and
 * recomputes the plain SHA-256 chain after it, as the attack of issue 16 did; or deletes the last
 * events and rewinds the head. {@code opaline audit verify} must fail and name the event.
 */
class AuditTamperingTest {

    @TempDir
    Path dir;

    private static Run opaline(Path home, String... args) {
        return SeedBackupRestoreTest.opaline(home, args);
    }

    /** Events 1–3 written before the upgrade (plain chain), then 4–10 by the keyed practice. */
    private Path practiceWithEvents() throws Exception {
        Path home = dir.resolve("home");
        OpalineConfig config = OpalineConfig.load(home, null);
        try (CoreServices core = CoreServices.open(config)) {
            // Simulate the events of an older version: the key file did not exist, the head was not keyed.
            core.database.dsl().execute("update audit_head set keyed_from_seq = null, key_id = null");
            Files.delete(config.auditAnchorFile());
            var plain = new fr.opaline.core.audit.AuditTrail(core.database, core.clock);
            for (int i = 1; i <= 3; i++) {
                plain.record(AuditEntry.of(Actor.system("ancienne-version"), "LEGACY_EVENT", null).withDetail("n" + i));
            }
        }
        Files.delete(config.auditKeyFile());
        try (CoreServices core = CoreServices.open(config)) {
            for (int i = 4; i <= 10; i++) {
                core.audit.record(AuditEntry.of(Actor.system("secretariat"), "PATIENT_READ", UUID.randomUUID())
                        .withDetail("lecture " + i));
            }
            core.audit.anchor();
        }
        return home;
    }

    @Test
    void theKeyFileIsCreatedAtFirstStartReadableByItsOwnerOnlyAndTheOlderEventsStillVerify() throws Exception {
        Path home = practiceWithEvents();
        OpalineConfig config = OpalineConfig.load(home, null);
        assertThat(Files.getPosixFilePermissions(config.auditKeyFile()))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Files.readString(config.auditAnchorFile())).contains(" debut seq=4 ").contains(" ancre seq=10 ");
        Run verify = opaline(home, "audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("intègre : 10 événement(s)").contains("à partir du n° 4");
    }

    @Test
    void anEventEditedInTheDatabaseAndRechainedWithPlainSha256IsFoundAndNamed() throws Exception {
        Path home = practiceWithEvents();
        try (Connection db = connect(home)) {
            try (PreparedStatement edit = db.prepareStatement("update audit_event set detail = ? where seq = 7")) {
                edit.setString(1, "rien lu");
                edit.executeUpdate();
            }
            rechainPlainFrom(db, 7);
        }
        Run verify = opaline(home, "audit", "verify");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.err()).contains("ALTÉRÉ à l'événement n° 7").contains("signature HMAC invalide")
                .contains("6 événement(s) intègres avant");
    }

    @Test
    void anEventOfThePlainChainBeforeTheUpgradeEditedAndRechainedIsFoundWhereTheKeyedChainStarts() throws Exception {
        Path home = practiceWithEvents();
        try (Connection db = connect(home)) {
            db.createStatement().executeUpdate("update audit_event set actor_login = 'quelqu-un' where seq = 2");
            rechainPlainFrom(db, 2);
        }
        Run verify = opaline(home, "audit", "verify");
        assertThat(verify.exit()).isEqualTo(1);
        // Events 2 and 3 are plain and consistent again; the first keyed event covers the old hash of 3.
        assertThat(verify.err()).contains("ALTÉRÉ à l'événement n° 4");
    }

    @Test
    void removingTheKeyFromTheHeadAndRechainingEverythingPlainIsFound() throws Exception {
        Path home = practiceWithEvents();
        try (Connection db = connect(home)) {
            db.createStatement().executeUpdate("update audit_head set keyed_from_seq = null, key_id = null");
            rechainPlainFrom(db, 4);
        }
        Run verify = opaline(home, "audit", "verify");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.err()).contains("n° 4").contains("la tête de chaîne a été modifiée dans la base");
        // The server does not start on it either, nor start a new keyed chain that would hide it.
        Run server = opaline(home, "server", "--check");
        assertThat(server.exit()).isEqualTo(2);
        assertThat(server.err()).contains("la base ne porte plus la chaîne signée");
    }

    @Test
    void deletingTheLastEventsAndRewindingTheHeadIsFoundThroughTheAnchorOutsideTheDatabase() throws Exception {
        Path home = practiceWithEvents();
        try (Connection db = connect(home)) {
            String hash8;
            try (ResultSet rs = db.createStatement().executeQuery("select hash from audit_event where seq = 8")) {
                rs.next();
                hash8 = rs.getString(1);
            }
            db.createStatement().executeUpdate("delete from audit_event where seq > 8");
            try (PreparedStatement head = db.prepareStatement("update audit_head set last_seq = 8, last_hash = ?")) {
                head.setString(1, hash8);
                head.executeUpdate();
            }
        }
        Run verify = opaline(home, "audit", "verify");
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.err()).contains("ALTÉRÉ à l'événement n° 9").contains("supprimés");
    }

    @Test
    void aBackupCarriesTheHeadAndVerifyComparesTheDatabaseWithIt() throws Exception {
        Path home = practiceWithEvents();
        Path backup = dir.resolve("sauvegarde.zip");
        Run made = opaline(home, "db", "backup", "--out", backup.toString());
        assertThat(made.exit()).as(made.err()).isZero();
        Run ok = opaline(home, "audit", "verify", "--sauvegarde", backup.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("l'événement n° 10 est inchangé");

        Files.delete(OpalineConfig.load(home, null).auditAnchorFile()); // only the backup is left to tell
        try (Connection db = connect(home)) {
            db.createStatement().executeUpdate("delete from audit_event where seq = 10");
            try (PreparedStatement head = db.prepareStatement(
                    "update audit_head set last_seq = 9, last_hash = (select hash from audit_event where seq = 9)")) {
                head.executeUpdate();
            }
        }
        Run found = opaline(home, "audit", "verify", "--sauvegarde", backup.toString());
        assertThat(found.exit()).isEqualTo(1);
        assertThat(found.err()).contains("n° 10").contains("sauvegarde.zip");
    }

    @Test
    void aProcessWithAnotherKeyIsRefusedInFrench() throws Exception {
        Path home = practiceWithEvents();
        OpalineConfig config = OpalineConfig.load(home, null);
        Files.delete(config.auditKeyFile());
        Run noKey = opaline(home, "audit", "verify");
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("n'a pas sa clé");
        Run users = opaline(home, "users", "list");
        assertThat(users.exit()).isEqualTo(2);
        assertThat(users.err()).contains("clé de la chaîne").contains("est absente");
    }

    private static Connection connect(Path home) throws Exception {
        return DriverManager.getConnection(OpalineConfig.load(home, null).database().jdbcUrl(), "opaline", "");
    }

    /** What the attacker does: recomputes prev_hash/hash with plain SHA-256 from {@code from} on, and the head. */
    private static void rechainPlainFrom(Connection db, long from) throws Exception {
        String prev;
        try (PreparedStatement p = db.prepareStatement("select hash from audit_event where seq = ?")) {
            p.setLong(1, from - 1);
            try (ResultSet rs = p.executeQuery()) {
                prev = rs.next() ? rs.getString(1) : "0".repeat(64);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("select seq, occurred_at, actor_id, actor_login, action,"
                + " patient_id, object_type, object_id, detail from audit_event where seq >= ? order by seq")) {
            p.setLong(1, from);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9)});
                }
            }
        }
        long last = from - 1;
        for (Object[] r : rows) {
            StringBuilder c = new StringBuilder();
            field(c, prev);
            field(c, Long.toString((Long) r[0]));
            field(c, ((Instant) r[1]).toString());
            for (int i = 2; i < r.length; i++) {
                field(c, (String) r[i]);
            }
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(c.toString().getBytes(StandardCharsets.UTF_8)));
            try (PreparedStatement u = db.prepareStatement("update audit_event set prev_hash = ?, hash = ? where seq = ?")) {
                u.setString(1, prev);
                u.setString(2, hash);
                u.setLong(3, (Long) r[0]);
                u.executeUpdate();
            }
            prev = hash;
            last = (Long) r[0];
        }
        try (PreparedStatement u = db.prepareStatement("update audit_head set last_seq = ?, last_hash = ?")) {
            u.setLong(1, last);
            u.setString(2, prev);
            u.executeUpdate();
        }
    }

    private static void field(StringBuilder out, String value) {
        out.append(value == null ? "-1:" : value.length() + ":" + value).append('|');
    }
}
