package fr.opaline.core.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseBackupTest {

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    @TempDir
    Path dir;

    private static void fill(CoreFixture f) {
        var room = f.room("CT1", Modality.CT);
        var exam = f.exam("CT-THX", Modality.CT, 20);
        Patient p = f.patient("NOËL", "ZOÉ ANAÏS", LocalDate.of(1985, 12, 25), Sex.F);
        f.booking.book(new BookingRequest(p.id(), room.id(), exam.id(), f.clock.instant(), "Dr Ève Lœw", null,
                "Dyspnée d'effort", null), f.secretary);
        f.outbox.enqueue(JobRequest.of("send", "{\"accent\":\"é\"}").idempotencyKey("x"), f.secretary);
        f.database.inTransactionRun(ctx -> new DocumentRepository(ctx).insertIfAbsent(new ClinicalDocument(f.ids.newId(),
                p.id(), "1.2.3^doc", "1.2.3^set", 1, "18748-4", "CR d'imagerie", f.clock.instant(), "Dr Lœw", "10003456789",
                Provenance.DMP, DocumentStatus.CURRENT, true, false, "text/xml",
                new byte[] {0, 1, 2, (byte) 0xFF, 'x'}, null, f.clock.instant())));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void backupWipeRestoreGivesIdenticalData(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            fill(f);
            DatabaseBackup backup = new DatabaseBackup(f.clock);
            Path first = dir.resolve("first.zip");
            BackupManifest manifest = backup.write(db.database(), first);
            assertThat(manifest.totalRows()).isGreaterThan(10);

            db.database().clean(); // the wipe
            db.database().migrate();
            assertThat(db.database().dsl().fetchCount(fr.opaline.core.persistence.generated.Tables.PATIENT)).isZero();

            backup.restore(db.database(), first);
            Path second = dir.resolve("second.zip");
            backup.write(db.database(), second);
            assertSameTables(first, second);
            assertThat(f.audit.verify().intact()).isTrue();
        }
    }

    @Test
    void anArchiveMovesFromH2ToPostgresqlAndBack() throws Exception {
        // Reported as skipped (not passed) without PostgreSQL; in CI a skipped test fails the run.
        assumeTrue(TestDatabases.postgresUrl() != null, "PostgreSQL not configured (OPALINE_TEST_PG_URL)");
        try (var h2 = TestDatabases.h2(); var pg = TestDatabases.postgres()) {
            CoreFixture f = new CoreFixture(h2.database());
            fill(f);
            DatabaseBackup backup = new DatabaseBackup(f.clock);
            backup.write(h2.database(), dir.resolve("h2.zip"));
            backup.restore(pg.database(), dir.resolve("h2.zip"));
            backup.write(pg.database(), dir.resolve("pg.zip"));
            assertSameTables(dir.resolve("h2.zip"), dir.resolve("pg.zip"));
            // and back: PostgreSQL → a fresh H2 (a practice leaving PostgreSQL, or a copy to inspect)
            try (var back = TestDatabases.h2()) {
                backup.restore(back.database(), dir.resolve("pg.zip"));
                backup.write(back.database(), dir.resolve("back.zip"));
                assertSameTables(dir.resolve("pg.zip"), dir.resolve("back.zip"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aTamperedArchiveIsRefusedBeforeTheDatabaseIsTouched(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            fill(f);
            DatabaseBackup backup = new DatabaseBackup(f.clock);
            Path good = dir.resolve("good.zip");
            backup.write(db.database(), good);
            Path tampered = dir.resolve("tampered.zip");
            try (ZipFile in = new ZipFile(good.toFile()); OutputStream out = Files.newOutputStream(tampered);
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    byte[] bytes = in.getInputStream(e).readAllBytes();
                    if (e.getName().equals("tables/patient.jsonl")) {
                        bytes = new String(bytes, StandardCharsets.UTF_8).replace("NOËL", "NOEL").getBytes(StandardCharsets.UTF_8);
                    }
                    zip.write(bytes);
                    zip.closeEntry();
                }
            }
            long before = db.database().dsl().fetchCount(fr.opaline.core.persistence.generated.Tables.PATIENT);
            assertThatThrownBy(() -> backup.restore(db.database(), tampered)).isInstanceOf(BackupException.class)
                    .hasMessageContaining("altérée").hasMessageContaining("patient");
            assertThat(db.database().dsl().fetchCount(fr.opaline.core.persistence.generated.Tables.PATIENT)).isEqualTo(before);
        }
    }

    @Test
    void anArchiveWithAnUnexpectedEntryIsRefused() throws Exception {
        Path evil = dir.resolve("evil.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evil))) {
            zip.putNextEntry(new ZipEntry("../../etc/passwd"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> new DatabaseBackup(java.time.Clock.systemUTC()).verify(evil))
                .isInstanceOf(BackupException.class).hasMessageContaining("entrée inattendue");
        Path notZip = dir.resolve("not.zip");
        Files.writeString(notZip, "bonjour");
        assertThatThrownBy(() -> new DatabaseBackup(java.time.Clock.systemUTC()).verify(notZip))
                .isInstanceOf(BackupException.class);
    }

    static void assertSameTables(Path a, Path b) throws Exception {
        try (ZipFile za = new ZipFile(a.toFile()); ZipFile zb = new ZipFile(b.toFile())) {
            var names = java.util.Collections.list(za.entries()).stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("tables/")).sorted().toList();
            assertThat(java.util.Collections.list(zb.entries()).stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("tables/")).sorted().toList()).isEqualTo(names);
            for (String name : names) {
                assertThat(new String(zb.getInputStream(zb.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8))
                        .as(name)
                        .isEqualTo(new String(za.getInputStream(za.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
