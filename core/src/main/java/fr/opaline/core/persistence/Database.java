package fr.opaline.core.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * The connection pool, the jOOQ context and the Flyway migrations of one Opaline database.
 * Identifiers are rendered unquoted so that H2 (upper case) and PostgreSQL (lower case)
 * both resolve the names the migrations created.
 */
public final class Database implements AutoCloseable {

    /** Portable migrations, also the source of the generated jOOQ classes. */
    public static final String MIGRATIONS_COMMON = "classpath:db/migration/common";
    /** Per-database complements (indexes that only one database can express). */
    private static final String MIGRATIONS_VENDOR = "classpath:db/migration/";

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Database(DatabaseSettings settings) {
        this.settings = settings;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(1);
        config.setPoolName("opaline-db");
        config.setAutoCommit(true);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        this.dataSource = connect(settings, config);
        Configuration configuration = new DefaultConfiguration()
                .set(dataSource)
                .set(settings.dialect())
                .set(jooqSettings());
        this.dsl = DSL.using(configuration);
    }

    private static HikariDataSource connect(DatabaseSettings settings, HikariConfig config) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw explain(settings, e);
        }
    }

    /** The H2 failures an operator can act on, said in French; anything else as it came. */
    static RuntimeException explain(DatabaseSettings settings, RuntimeException failure) {
        if (!settings.isH2()) {
            return failure;
        }
        SQLException sql = null;
        for (Throwable t = failure; t != null && sql == null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        if (sql == null) {
            return failure;
        }
        String file = settings.h2File() == null ? settings.jdbcUrl().replaceAll(";.*", "") : settings.h2File().toString();
        switch (sql.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1:
                return new DatabaseUnavailableException(DatabaseUnavailableException.Reason.IN_USE,
                        "La base H2 " + file + " est ouverte par un autre processus Opaline (le serveur du cabinet,"
                                + " ou un poste lancé sur ce fichier) : la base embarquée ne s'ouvre que dans un processus"
                                + " à la fois. Arrêtez le serveur (systemctl stop opaline-server, ou Ctrl-C dans sa"
                                + " fenêtre) puis relancez la commande ; ou passez par le serveur quand la commande y est"
                                + " disponible.", failure);
            case ErrorCode.FILE_CORRUPTED_1:
            case ErrorCode.FILE_VERSION_ERROR_1:
            case ErrorCode.FILE_ENCRYPTION_ERROR_1:
            case ErrorCode.GENERAL_ERROR_1:
            case ErrorCode.IO_EXCEPTION_1:
            case ErrorCode.IO_EXCEPTION_2:
                return new DatabaseUnavailableException(DatabaseUnavailableException.Reason.UNREADABLE,
                        "La base H2 " + file + " est illisible (" + firstLine(sql.getMessage()) + ").", failure);
            default:
                return failure;
        }
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int cut = text.indexOf('\n');
        text = cut < 0 ? text : text.substring(0, cut);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** Opens the pool. The schema is not touched: call {@link #migrate()} where wanted. */
    public static Database open(DatabaseSettings settings) {
        return new Database(settings);
    }

    /** Opens the pool and brings the schema to the latest version. */
    public static Database openAndMigrate(DatabaseSettings settings) {
        Database database = open(settings);
        try {
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    static Settings jooqSettings() {
        return new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false);
    }

    public MigrateResult migrate() {
        return flyway(null).migrate();
    }

    /** Migrates up to and including the given version (used by restore). */
    public MigrateResult migrateTo(String version) {
        return flyway(version).migrate();
    }

    /** Drops every object of the schema. Only restore calls this. */
    public void clean() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(locations())
                .cleanDisabled(false)
                .load()
                .clean();
    }

    /** The version the schema is at, or null for an empty database. */
    public String schemaVersion() {
        MigrationInfo current = flyway(null).info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations())
                .failOnMissingLocations(true);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private String[] locations() {
        String vendor = settings.isH2() ? "h2" : "postgresql";
        return new String[] {MIGRATIONS_COMMON, MIGRATIONS_VENDOR + vendor};
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SQLDialect dialect() {
        return settings.dialect();
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Runs work in one transaction and returns its result; rolls back on any exception. */
    public <T> T inTransaction(Function<DSLContext, T> work) {
        return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
    }

    public void inTransactionRun(Consumer<DSLContext> work) {
        dsl.transaction(configuration -> work.accept(configuration.dsl()));
    }

    /** Runs work in a read-only transaction that sees one consistent snapshot. */
    public <T> T inSnapshot(Function<DSLContext, T> work) {
        return dsl.connectionResult(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                T result = work.apply(DSL.using(connection, settings.dialect(), jooqSettings()));
                connection.commit();
                return result;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
