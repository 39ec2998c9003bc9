package fr.opaline.core.testing;

import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Fresh, migrated databases for tests: always an in-memory H2; also PostgreSQL when the system
 * property or environment variable {@code opaline.test.pg.url} / {@code OPALINE_TEST_PG_URL}
 * gives a JDBC URL (user and password in the URL). Each PostgreSQL database gets its own
 * schema, dropped on close.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public enum Kind { H2, POSTGRESQL }

    /** The kinds available here; PostgreSQL only when configured. */
    public static Stream<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.H2));
        if (postgresUrl() != null) {
            kinds.add(Kind.POSTGRESQL);
        }
        return kinds.stream();
    }

    public static String postgresUrl() {
        String url = System.getProperty("opaline.test.pg.url");
        if (url == null || url.isBlank()) {
            url = System.getenv("OPALINE_TEST_PG_URL");
        }
        return url == null || url.isBlank() ? null : url;
    }

    public static TestDatabase create(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    public static TestDatabase h2() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        DatabaseSettings settings = new DatabaseSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "", 8);
        Database database = Database.openAndMigrate(settings);
        return new TestDatabase(Kind.H2, database, () -> {
            try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), "sa", "");
                 Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        });
    }

    /** A second pool on the same database, as a second process would have. */
    public static Database secondPool(TestDatabase first) {
        return Database.open(first.database().settings());
    }

    public static TestDatabase postgres() {
        String base = postgresUrl();
        if (base == null) {
            throw new IllegalStateException("PostgreSQL not configured (opaline.test.pg.url)");
        }
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test schema on " + base, e);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Database database = Database.openAndMigrate(new DatabaseSettings(url, null, null, 8));
        return new TestDatabase(Kind.POSTGRESQL, database, () -> {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            }
        });
    }

    /** A migrated test database and how to get rid of it. */
    public record TestDatabase(Kind kind, Database database, Cleanup cleanup) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            database.close();
            cleanup.run();
        }

        @Override
        public String toString() {
            return kind.name();
        }
    }

    @FunctionalInterface
    public interface Cleanup {
        void run() throws Exception;
    }
}
