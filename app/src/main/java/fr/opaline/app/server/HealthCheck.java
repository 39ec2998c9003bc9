package fr.opaline.app.server;

import fr.opaline.app.OpalineVersion;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.outbox.OutboxBacklog;
import fr.opaline.core.persistence.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the health endpoint answers: database reachable and at the expected schema version,
 * each service's state, the outbox backlog. "UP" when all is well, "DEGRADED" when the server
 * runs but something needs attention (a service's problem, jobs given up, a job waiting too
 * long), "DOWN" when the database is unreachable or a service is not running.
 */
public final class HealthCheck {

    public enum Status { UP, DEGRADED, DOWN }

    /** Beyond this wait, a due outbox job means the workers are stuck or a peer is down. */
    static final Duration BACKLOG_WARNING = Duration.ofMinutes(15);
    private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(3);

    private final Database database;
    private final PracticeServer server;
    private final String expectedSchemaVersion;
    private final Clock clock;
    private final Instant startedAt;
    private final List<Map<String, Object>> nationalServices;

    public HealthCheck(Database database, PracticeServer server, String expectedSchemaVersion, Clock clock) {
        this(database, server, expectedSchemaVersion, clock, List.of());
    }

    /** @param nationalServices each national service's name, key, state ("actif", "désactivé", "bac à sable") and address */
    public HealthCheck(Database database, PracticeServer server, String expectedSchemaVersion, Clock clock,
                       List<Map<String, Object>> nationalServices) {
        this.nationalServices = List.copyOf(nationalServices);
        this.database = database;
        this.server = server;
        this.expectedSchemaVersion = expectedSchemaVersion;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public record Result(Status status, Map<String, Object> body) {
    }

    public Result check() {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>();
        boolean down = false;

        Map<String, Object> db = new LinkedHashMap<>();
        db.put("product", database.dialect().getName());
        OutboxBacklog backlog = null;
        try {
            DatabaseFacts facts = withTimeout(() -> new DatabaseFacts(database.schemaVersion(),
                    OutboxBacklog.measure(database.dsl(), now)));
            db.put("reachable", true);
            db.put("schemaVersion", facts.schemaVersion());
            db.put("expectedSchemaVersion", expectedSchemaVersion);
            if (expectedSchemaVersion != null && !expectedSchemaVersion.equals(facts.schemaVersion())) {
                problems.add("schéma de base en version " + facts.schemaVersion() + " au lieu de "
                        + expectedSchemaVersion + " : un poste plus récent a migré la base, mettez le serveur à jour");
            }
            backlog = facts.backlog();
        } catch (Exception e) {
            down = true;
            db.put("reachable", false);
            db.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
            problems.add("base de données injoignable");
        }

        List<Map<String, Object>> services = new ArrayList<>();
        for (Map.Entry<ManagedService, PracticeServer.State> entry : server.states().entrySet()) {
            ManagedService service = entry.getKey();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", service.name());
            item.put("state", entry.getValue().name());
            Map<String, Object> details;
            try {
                details = service.healthDetails();
            } catch (RuntimeException e) {
                details = Map.of(ManagedService.PROBLEM, "état illisible : " + e);
            }
            item.putAll(details);
            if (entry.getValue() != PracticeServer.State.RUNNING) {
                down = true;
                problems.add(service.name() + " : " + entry.getValue());
            } else if (details.get(ManagedService.PROBLEM) != null) {
                problems.add(service.name() + " : " + details.get(ManagedService.PROBLEM));
            }
            services.add(item);
        }

        Map<String, Object> outbox = new LinkedHashMap<>();
        if (backlog != null) {
            Duration wait = backlog.oldestWait(now);
            outbox.put("due", backlog.due());
            outbox.put("oldestDueSeconds", wait.toSeconds());
            outbox.put("inProgress", backlog.leased());
            outbox.put("deferred", backlog.deferred());
            outbox.put("held", backlog.held());
            outbox.put("failed", backlog.failed());
            if (backlog.failed() > 0) {
                problems.add(backlog.failed() + " envoi(s) en échec à traiter dans la file d'envois");
            }
            if (wait.compareTo(BACKLOG_WARNING) > 0) {
                problems.add("envois en retard : le plus ancien attend depuis " + wait.toMinutes() + " min");
            }
        }

        Status status = down ? Status.DOWN : problems.isEmpty() ? Status.UP : Status.DEGRADED;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.name());
        body.put("version", OpalineVersion.version());
        body.put("time", now.toString());
        body.put("uptimeSeconds", Duration.between(startedAt, now).toSeconds());
        body.put("database", db);
        body.put("services", services);
        body.put("nationalServices", nationalServices);
        body.put("outbox", outbox);
        body.put("problems", problems);
        return new Result(status, body);
    }

    private record DatabaseFacts(String schemaVersion, OutboxBacklog backlog) {
    }

    private static <T> T withTimeout(java.util.function.Supplier<T> work) throws Exception {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(work);
        try {
            return future.get(DATABASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TimeoutException("pas de réponse de la base en " + DATABASE_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
