package fr.opaline.core.persistence;

import java.util.Objects;
import org.jooq.SQLDialect;

/**
 * Where the database is and how to reach it. The dialect follows from the JDBC URL:
 * {@code jdbc:h2:} for the embedded default, {@code jdbc:postgresql:} for several seats.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
        dialectOf(jdbcUrl); // fail early on an unsupported URL
    }

    public SQLDialect dialect() {
        return dialectOf(jdbcUrl);
    }

    public boolean isH2() {
        return dialect() == SQLDialect.H2;
    }

    static SQLDialect dialectOf(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return SQLDialect.H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new IllegalArgumentException(
                "Base de données non prise en charge : " + url + " (H2 ou PostgreSQL attendus)");
    }

    /**
     * The embedded file database under the given directory, open in one process only: no
     * AUTO_SERVER (which listened on a TCP port of every interface, its key in the lock file).
     * WRITE_DELAY=0: each commit reaches the file before the commit returns (H2's default keeps
     * the last 500 ms in the process; a kill -9 then lost HL7 messages already acknowledged).
     */
    public static DatabaseSettings embeddedH2(java.nio.file.Path directory) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("opaline")
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256";
        return new DatabaseSettings(url, "opaline", "", 10);
    }

    /** The file of an embedded H2 database ({@code jdbc:h2:file:}), else null. */
    public java.nio.file.Path h2File() {
        if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
            return null;
        }
        String base = jdbcUrl.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        return java.nio.file.Path.of(base + ".mv.db").toAbsolutePath();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user=" + user + "]";
    }
}
