package fr.opaline.it.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.sandbox.SandboxHost;
import fr.opaline.app.sandbox.SandboxRegistry;
import fr.opaline.app.server.PracticeServer;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.DmpWiring;
import fr.opaline.app.wiring.DrimboxWiring;
import fr.opaline.app.wiring.InsWiring;
import fr.opaline.app.wiring.MssWiring;
import fr.opaline.core.outbox.OutboxWorker;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every outbox job type that production code can queue has a handler in the practice server as
 * it is assembled ({@link ServerAssembly}) with every sandbox configured, as {@code opaline demo}
 * configures them. A job without a handler waits forever in the outbox: nobody sends it.
 */
class JobHandlersAssembledTest {

    /**
     * Queued by production code and handled by nobody today — known, to be wired by another issue.
     * The test checks this list is exactly what is missing: a new gap fails it, and so does the
     * wiring of one of these (then remove it from here).
     */
    static final Set<String> KNOWN_MISSING = Set.of();

    private static final Pattern ENQUEUED = Pattern.compile("JobRequest\\.of\\(\\s*([A-Za-z_][\\w.]*)\\s*,");

    @TempDir
    Path home;

    @Test
    void everyJobTypeQueuedByProductionCodeHasAHandlerInTheAssembledServer() throws Exception {
        Map<String, String> queued = queuedJobTypes();
        // `opaline bench kill` queues and handles its own job type in its scratch process, never in the server.
        queued.remove("KILL_BENCH_NOTIFY");
        assertThat(queued).as("job types found in production code").containsKeys("dmp-feed", "mss-send");

        OpalineConfig config = OpalineConfig.of(home, Map.of("db.url", "jdbc:h2:mem:assembled"
                + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "worklist.enabled", "false", "psc.proxy.port", "0",
                "psc.proxy.bind", "127.0.0.1", "backup.enabled", "false", "server.mode", "demo", "api.port", "0",
                "api.bind", "127.0.0.1"));
        Path sandboxDirectory = home.resolve("sandbox");
        try (SandboxHost sandbox = new SandboxHost(SandboxRegistry.create(config, sandboxDirectory), 0)) {
            sandbox.start();
            OpalineConfig everything = MssWiring.pointedAtSandbox(InsWiring.pointedAtSandbox(
                    DmpWiring.pointedAtSandbox(DrimboxWiring.pointedAtSandbox(config, sandbox.services()),
                            sandbox.services(), sandboxDirectory), sandbox.services()),
                    sandboxDirectory, sandbox.services());
            try (CoreServices core = CoreServices.open(everything)) {
                PracticeServer server = ServerAssembly.assemble(core);
                Set<String> handled = new TreeSet<>(server.services().stream().filter(OutboxWorker.class::isInstance)
                        .map(OutboxWorker.class::cast).findFirst().orElseThrow().handledTypes());
                Map<String, String> missing = unhandled(queued, handled);
                assertThat(missing.keySet()).as("job types queued (where: %s) but handled by no one in %s", missing,
                        handled).isEqualTo(KNOWN_MISSING);
            }
        }
    }

    /**
     * A handler lost: the type it handled is reported, named with the class that queues it. The
     * received-CR feed (queued by hl7 through a constant, handled by dmp) and the MSSanté send are
     * found by the scan of production code, so losing either one's registration fails the test above.
     */
    @Test
    void aJobTypeThatLosesItsHandlerIsReportedWithWhereItIsQueued() throws Exception {
        Map<String, String> queued = queuedJobTypes();
        for (String lost : List.of("dmp-feed-received", "mss-send", "teleradiology-order", "drimbox-send")) {
            Set<String> handled = new TreeSet<>(queued.keySet());
            handled.remove(lost);
            assertThat(unhandled(queued, handled)).as(lost).containsOnlyKeys(lost);
            assertThat(unhandled(queued, handled).get(lost)).as(lost).endsWith(".java");
        }
    }

    /** The job types queued (type → the file that queues it) that none of {@code handled} takes. */
    static Map<String, String> unhandled(Map<String, String> queued, Set<String> handled) {
        Map<String, String> missing = new TreeMap<>(queued);
        missing.keySet().removeAll(handled);
        return missing;
    }

    /** job type → the class that queues it, from every {@code JobRequest.of(TYPE, …)} of production code. */
    static Map<String, String> queuedJobTypes() throws Exception {
        Path root = repositoryRoot();
        Map<String, String> types = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root, 14)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .toList()) {
                String source = Files.readString(file);
                Matcher m = ENQUEUED.matcher(source);
                while (m.find()) {
                    String type = resolve(file, source, m.group(1));
                    types.putIfAbsent(type, file.getFileName().toString());
                }
            }
        }
        return types;
    }

    /** The value of the String constant named at {@code JobRequest.of(name, …)} in that source file. */
    private static String resolve(Path file, String source, String name) throws Exception {
        if (name.startsWith("\"")) {
            return name.substring(1, name.length() - 1);
        }
        String pkg = source.replaceAll("(?s)^.*?package\\s+([\\w.]+);.*$", "$1");
        String self = pkg + "." + file.getFileName().toString().replace(".java", "");
        String className;
        String field;
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            className = self;
            field = name;
        } else {
            String simple = name.substring(0, dot);
            field = name.substring(dot + 1);
            Matcher imported = Pattern.compile("import\\s+([\\w.]+\\." + Pattern.quote(simple) + ");").matcher(source);
            className = imported.find() ? imported.group(1) : simple.contains(".") ? simple : pkg + "." + simple;
        }
        Field f = Class.forName(className).getDeclaredField(field);
        assertThat(Modifier.isStatic(f.getModifiers())).as(className + "." + field).isTrue();
        f.setAccessible(true);
        return (String) f.get(null);
    }

    private static Path repositoryRoot() throws IOException {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("core/src/main/java"))) {
                return d;
            }
        }
        throw new IOException("repository root not found above " + Path.of("").toAbsolutePath());
    }
}
