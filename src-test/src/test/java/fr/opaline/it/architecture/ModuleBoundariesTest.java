package fr.opaline.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import fr.opaline.core.archfixture.CoreClassThatOpensASocket;
import fr.opaline.dmp.archfixture.DmpClassThatStartsTheSandbox;
import fr.opaline.psc.archfixture.ServerOnTheJdkHttpServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of ARCHITECTURE.md, enforced: which module may import which, and what core,
 * documents and the non-UI modules must not touch.
 */
class ModuleBoundariesTest {

    /** Module → the modules it may use (its package is fr.opaline.<module without dash>). */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("core", Set.of());
        ALLOWED.put("platform", Set.of());
        ALLOWED.put("api", Set.of("core", "platform"));
        ALLOWED.put("ins", Set.of("core", "platform"));
        ALLOWED.put("psc", Set.of("core", "platform"));
        ALLOWED.put("documents", Set.of("core", "platform", "ins"));
        ALLOWED.put("worklist", Set.of("core", "platform"));
        ALLOWED.put("hl7", Set.of("core", "platform", "ins", "documents"));
        ALLOWED.put("dmp", Set.of("core", "platform", "psc", "documents"));
        ALLOWED.put("mss", Set.of("core", "platform", "ins", "psc", "documents"));
        ALLOWED.put("drimboxbridge", Set.of("core", "platform", "documents", "hl7", "dmp"));
        ALLOWED.put("sandbox", Set.of("core", "platform", "ins", "psc", "documents", "hl7", "dmp", "mss",
                "drimboxbridge"));
        ALLOWED.put("server", Set.of("core", "platform", "api", "ins", "psc", "documents", "worklist", "hl7", "dmp",
                "mss", "drimboxbridge"));
        ALLOWED.put("ui", Set.of("core", "platform", "api", "ins", "psc", "documents", "worklist", "hl7", "dmp", "mss",
                "drimboxbridge"));
        ALLOWED.put("app", Set.of("core", "platform", "api", "server", "ins", "psc", "documents", "worklist", "hl7", "dmp",
                "mss", "drimboxbridge", "sandbox", "ui"));
    }

    static final String[] NETWORK = {"java.net.Socket", "java.net.ServerSocket", "java.net.HttpURLConnection",
            "java.net.URLConnection", "java.net.DatagramSocket", "java.net.http..", "com.sun.net.httpserver..",
            "javax.net..", "java.nio.channels.SocketChannel", "java.nio.channels.ServerSocketChannel"};

    static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.opaline");
    }

    static List<ArchRule> moduleRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (var entry : ALLOWED.entrySet()) {
            List<String> forbidden = new ArrayList<>();
            for (String other : ALLOWED.keySet()) {
                if (!other.equals(entry.getKey()) && !entry.getValue().contains(other)) {
                    forbidden.add("fr.opaline." + other + "..");
                }
            }
            rules.add(noClasses().that().resideInAPackage("fr.opaline." + entry.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because("ARCHITECTURE.md: " + entry.getKey() + " may only use " + entry.getValue()));
        }
        return rules;
    }

    static ArchRule coreHasNoUiNoNetwork() {
        List<String> banned = new ArrayList<>(List.of(NETWORK));
        banned.add("javafx..");
        return noClasses().that().resideInAPackage("fr.opaline.core..")
                .should().dependOnClassesThat().resideInAnyPackage(banned.toArray(String[]::new))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .because("ARCHITECTURE.md: core must not import JavaFX, sockets, HTTP");
    }

    static ArchRule documentsDoNotTalkToTheNetwork() {
        return noClasses().that().resideInAPackage("fr.opaline.documents..")
                .should().dependOnClassesThat().resideInAnyPackage(NETWORK)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .because("ARCHITECTURE.md: documents must not talk to the network");
    }

    static ArchRule javafxOnlyInUiAndApp() {
        return noClasses().that().resideOutsideOfPackages("fr.opaline.ui..", "fr.opaline.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("only the desktop client uses JavaFX");
    }

    /**
     * Decision 0250: the stand-ins for the national services are reached from {@code opaline demo}
     * and {@code opaline sandbox} (module app) and from tests only; no domain module, nor the
     * server, nor the desktop, may use them, so the practice server can never fall back on one.
     */
    static ArchRule sandboxOnlyFromApp() {
        return noClasses().that().resideInAPackage("fr.opaline..").and().resideOutsideOfPackages("fr.opaline.app..",
                        "fr.opaline.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("fr.opaline.sandbox..")
                .because("docs/decisions/0250-sandbox-module.md: only opaline demo and opaline sandbox (app) use the sandbox");
    }

    @Test
    void onlyTheAppUsesTheSandbox() {
        sandboxOnlyFromApp().check(production);
    }

    /** The sandbox rule is not vacuous: a domain class that starts the DMP sandbox breaks it. */
    @Test
    void theSandboxRuleCatchesAViolation() {
        JavaClasses offending = new ClassFileImporter().importClasses(DmpClassThatStartsTheSandbox.class);
        assertThatThrownBy(() -> sandboxOnlyFromApp().check(offending)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("fr.opaline.sandbox.dmp.DmpSandbox");
        int dmp = new ArrayList<>(ALLOWED.keySet()).indexOf("dmp");
        assertThatThrownBy(() -> moduleRules().get(dmp).check(offending)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("fr.opaline.sandbox.dmp.DmpSandbox");
    }

    /**
     * Three tiers (decision 0002): the desktop reaches the data through the practice server's API
     * only: no database, repository, SQL, transaction, outbox or audit trail of its own.
     */
    static ArchRule uiTalksToTheServerOnly() {
        return noClasses().that().resideInAPackage("fr.opaline.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.opaline.core.persistence..", "org.jooq..",
                        "java.sql..", "javax.sql..", "fr.opaline.core.jooq..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("fr.opaline.core.outbox.Outbox")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("fr.opaline.core.audit.AuditTrail")
                .because("ARCHITECTURE.md: ui talks to the practice server through the API client only");
    }

    @Test
    void theDesktopTalksToThePracticeServerOnly() {
        uiTalksToTheServerOnly().check(production);
    }

    @Test
    void theThreeTierRuleCatchesAViolation() {
        JavaClasses offending = new ClassFileImporter().importClasses(
                fr.opaline.ui.archfixture.UiClassThatReadsTheDatabase.class);
        assertThatThrownBy(() -> uiTalksToTheServerOnly().check(offending)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PatientRepository");
    }

    /** Decision 0001: every HTTP server is on platform/http (Jetty 12), none on the JDK's bare server. */
    static ArchRule noJdkHttpServer() {
        return noClasses().that().resideInAPackage("fr.opaline..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.net.httpserver..")
                .because("docs/decisions/0001-jetty-12.md: every HTTP server runs on platform/http (bounded Jetty)");
    }

    @Test
    void everyHttpServerIsOnThePlatformScaffolding() {
        noJdkHttpServer().check(production);
    }

    /**
     * Modules allowed to have no production class (their rule would pass vacuously): none; every
     * module's rule must see classes, or it proves nothing.
     */
    static final Set<String> MAY_BE_EMPTY = Set.of();

    @Test
    void modulesOnlyUseTheModulesTheyMay() {
        List<String> modules = new ArrayList<>(ALLOWED.keySet());
        List<ArchRule> rules = moduleRules();
        for (int i = 0; i < rules.size(); i++) {
            String module = modules.get(i);
            String pkg = "fr.opaline." + module;
            boolean empty = production.stream().noneMatch(c -> c.getPackageName().equals(pkg)
                    || c.getPackageName().startsWith(pkg + "."));
            if (empty) {
                assertThat(MAY_BE_EMPTY).as("module %s has no production class: its rule would prove nothing", module)
                        .contains(module);
            }
            rules.get(i).allowEmptyShould(empty).check(production);
        }
    }

    @Test
    void coreImportsNeitherJavafxNorNetworking() {
        coreHasNoUiNoNetwork().check(production);
    }

    @Test
    void documentsDoNotTalkToTheNetworkRule() {
        documentsDoNotTalkToTheNetwork().check(production);
    }

    @Test
    void javafxStaysInTheDesktopClient() {
        javafxOnlyInUiAndApp().check(production);
    }

    /** The rules are not vacuous: a core class that opens a socket breaks them. */
    @Test
    void theRulesCatchAViolation() {
        JavaClasses offending = new ClassFileImporter().importClasses(CoreClassThatOpensASocket.class);
        assertThatThrownBy(() -> coreHasNoUiNoNetwork().check(offending)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.net.Socket");
        assertThatThrownBy(() -> moduleRules().get(0).check(offending)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("fr.opaline.app");
    }

    /** The HTTP server rule is not vacuous: a class on the JDK's server breaks it. */
    @Test
    void theHttpServerRuleCatchesAViolation() {
        JavaClasses offending = new ClassFileImporter().importClasses(ServerOnTheJdkHttpServer.class);
        assertThatThrownBy(() -> noJdkHttpServer().check(offending)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.sun.net.httpserver.HttpServer");
    }
}
