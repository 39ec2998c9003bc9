package fr.opaline.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationsTest {

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void commonAndVendorMigrationsBothApply(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            // V1_1 exists only in the vendor folders (name-search indexes)
            assertThat(db.database().schemaVersion()).isNotEqualTo("1");
            var migrated = db.database().migrate();
            assertThat(migrated.migrationsExecuted).as("a second migrate has nothing to do").isZero();
        }
    }
}
