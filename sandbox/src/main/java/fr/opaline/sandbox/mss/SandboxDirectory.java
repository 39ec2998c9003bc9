package fr.opaline.sandbox.mss;

import fr.opaline.core.common.Json;
import fr.opaline.core.common.SearchKeys;
import fr.opaline.mss.directory.Fhir;
import fr.opaline.platform.http.Exchange;
import fr.opaline.platform.http.HttpService;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.http.Routes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fictitious directory of the sandbox, speaking the part of the Annuaire Santé FHIR API that
 * Opaline uses: {@code Practitioner} search (family/given with {@code :contains} or prefix,
 * identifier, qualification-code, mailbox-mss, {@code _revinclude=PractitionerRole:practitioner}),
 * {@code PractitionerRole} and {@code Organization} by {@code _id}; API key header required.
 * Its people are {@link SandboxPeople#CORRESPONDENTS}.
 */
final class SandboxDirectory implements AutoCloseable {

    private final HttpService server;
    private final String apiKey;
    private final List<Map<String, Object>> practitioners = new ArrayList<>();
    private final List<Map<String, Object>> roles = new ArrayList<>();
    private final Map<String, Map<String, Object>> organisations = new LinkedHashMap<>();
    private final AtomicInteger searches = new AtomicInteger();

    SandboxDirectory(int port, String apiKey) throws IOException {
        this.apiKey = apiKey;
        build();
        server = new HttpService(HttpSettings.defaults("sandbox-annuaire",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).withThreads(4).withMaxConnections(16)
                .withMaxBodyBytes(0), new Routes().get("/fhir/{resource}", this::handle), Json.mapper()).start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.port() + "/fhir/");
    }

    int searches() {
        return searches.get();
    }

    private void build() {
        Map<String, Map<String, Object>> byRpps = new LinkedHashMap<>();
        for (SandboxPeople.Correspondent c : SandboxPeople.CORRESPONDENTS) {
            String orgId = "org-" + Integer.toHexString(c.organisation().hashCode() & 0x7fffffff);
            Map<String, Object> org = organisations.computeIfAbsent(orgId, id -> {
                Map<String, Object> o = resource("Organization", id);
                o.put("name", c.organisation());
                o.put("address", List.of(Map.of("city", c.city(), "postalCode", c.postalCode(), "country", "FRA")));
                o.put("telecom", new ArrayList<>());
                return o;
            });
            if (c.rpps() == null || !c.boxType().equals("PER") && !c.boxType().equals("CAB")) {
                telecoms(org).add(mailbox(c.address(), c.boxType()));
            }
            if (c.rpps() == null) {
                continue;
            }
            Map<String, Object> p = byRpps.get(c.rpps());
            if (p == null) {
                p = resource("Practitioner", "pr-" + c.rpps());
                p.put("active", true);
                p.put("identifier", List.of(
                        Map.of("system", Fhir.IDNPS_SYSTEM, "value", "8" + c.rpps()),
                        Map.of("system", Fhir.RPPS_SYSTEM, "value", c.rpps())));
                p.put("name", List.of(Map.of("use", "usual", "family", c.family(), "given", List.of(c.given()),
                        "prefix", List.of(c.civility()))));
                p.put("qualification", List.of(Map.of("code", Map.of("coding", List.of(Map.of(
                        "system", Fhir.PROFESSION_SYSTEM, "code", c.professionCode(), "display", c.professionLabel()))))));
                p.put("telecom", new ArrayList<>());
                byRpps.put(c.rpps(), p);
                practitioners.add(p);
                Map<String, Object> role = resource("PractitionerRole", "role-" + c.rpps() + "-" + orgId);
                role.put("active", true);
                role.put("practitioner", Map.of("reference", "Practitioner/pr-" + c.rpps()));
                role.put("organization", Map.of("reference", "Organization/" + orgId));
                roles.add(role);
            }
            if (c.boxType().equals("PER")) {
                telecoms(p).add(mailbox(c.address(), "PER"));
            }
            if (c.boxType().equals("CAB")) {
                // tied to the RPPS and a structure: on the PractitionerRole (Annuaire Santé, BAL MSS use case)
                String roleId = "role-" + c.rpps() + "-" + orgId;
                roles.stream().filter(r -> roleId.equals(r.get("id"))).findFirst().ifPresent(r -> {
                    r.computeIfAbsent("telecom", k -> new ArrayList<>());
                    telecoms(r).add(mailbox(c.address(), "CAB"));
                });
            }
        }
        // a red-listed BAL applicative of the practice: never shown by a search
        Map<String, Object> practice = resource("Organization", "org-cabinet");
        practice.put("name", "Cabinet d'imagerie des Tilleuls (fictif)");
        practice.put("address", List.of(Map.of("city", "LYON", "postalCode", "69003", "country", "FRA")));
        Map<String, Object> hidden = mailbox(SandboxPeople.APPLICATIVE, "APP");
        redList(hidden);
        practice.put("telecom", new ArrayList<>(List.of(hidden, mailbox(SandboxPeople.ORGANISATIONAL, "ORG"))));
        organisations.put("org-cabinet", practice);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> telecoms(Map<String, Object> resource) {
        return (List<Object>) resource.get("telecom");
    }

    @SuppressWarnings("unchecked")
    private static void redList(Map<String, Object> mailbox) {
        List<Object> extensions = (List<Object>) mailbox.get("extension");
        Map<String, Object> metadata = (Map<String, Object>) extensions.get(1);
        ((List<Object>) metadata.get("extension")).add(Map.of("url", "listeRouge", "valueBoolean", true));
    }

    private static Map<String, Object> mailbox(String address, String type) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("system", "email");
        t.put("value", address);
        List<Object> metadata = new ArrayList<>();
        metadata.add(Map.of("url", "type", "valueCodeableConcept", Map.of("coding", List.of(Map.of(
                "system", Fhir.MAILBOX_TYPE_SYSTEM, "code", type)))));
        t.put("extension", new ArrayList<>(List.of(
                Map.of("url", Fhir.EMAIL_TYPE_EXTENSION, "valueCoding", Map.of("system", Fhir.MESSAGING_TYPE_SYSTEM,
                        "code", "MSSANTE")),
                new LinkedHashMap<>(Map.of("url", Fhir.MAILBOX_METADATA_EXTENSION, "extension", metadata)))));
        return t;
    }

    private static Map<String, Object> resource(String type, String id) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", type);
        r.put("id", id);
        return r;
    }

    private Reply handle(Exchange exchange) {
        if (!apiKey.equals(exchange.header(Fhir.API_KEY_HEADER).orElse(null))) {
            return respond(401, outcome("Clé d'API absente ou invalide"));
        }
        String path = exchange.pathParameter("resource");
        Map<String, String> q = new LinkedHashMap<>();
        exchange.queryParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                q.put(name, values.get(0));
            }
        });
        List<Map<String, Object>> found = switch (path) {
            case "Practitioner" -> practitioners(q);
            case "PractitionerRole" -> byId(roles, q.get("_id"));
            case "Organization" -> byId(new ArrayList<>(organisations.values()), q.get("_id"));
            default -> null;
        };
        if (found == null) {
            return respond(404, outcome("Ressource inconnue : " + path));
        }
        searches.incrementAndGet();
        List<Object> entries = new ArrayList<>();
        found.forEach(r -> entries.add(Map.of("fullUrl", base() + r.get("resourceType").toString() + "/" + r.get("id"),
                "resource", r, "search", Map.of("mode", r.get("resourceType").equals(path) ? "match" : "include"))));
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.put("total", found.stream().filter(r -> r.get("resourceType").equals(path)).count());
        bundle.put("entry", entries);
        return respond(200, bundle);
    }

    private List<Map<String, Object>> practitioners(Map<String, String> q) {
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Map<String, Object> p : practitioners) {
            @SuppressWarnings("unchecked")
            Map<String, Object> name = (Map<String, Object>) ((List<Object>) p.get("name")).get(0);
            if (!matchesName(q, "family", (String) name.get("family"))
                    || !matchesName(q, "given", ((List<?>) name.get("given")).get(0).toString())) {
                continue;
            }
            String identifier = q.get("identifier");
            if (identifier != null) {
                String value = identifier.substring(identifier.indexOf('|') + 1);
                if (!Json.mapper().valueToTree(p.get("identifier")).findValuesAsText("value").contains(value)) {
                    continue;
                }
            }
            String profession = q.get("qualification-code");
            if (profession != null && !Json.mapper().valueToTree(p.get("qualification")).findValuesAsText("code")
                    .contains(profession.substring(profession.indexOf('|') + 1))) {
                continue;
            }
            String mailbox = q.get("mailbox-mss");
            if (mailbox != null && !Json.mapper().valueToTree(p.get("telecom")).findValuesAsText("value").contains(mailbox)) {
                continue;
            }
            matches.add(p);
        }
        List<Map<String, Object>> out = new ArrayList<>(matches);
        if ("PractitionerRole:practitioner".equals(q.get("_revinclude"))) {
            Set<String> refs = new LinkedHashSet<>();
            matches.forEach(p -> refs.add("Practitioner/" + p.get("id")));
            for (Map<String, Object> role : roles) {
                if (refs.contains(((Map<?, ?>) role.get("practitioner")).get("reference"))) {
                    out.add(role);
                }
            }
        }
        return out;
    }

    private static boolean matchesName(Map<String, String> q, String field, String value) {
        String contains = q.get(field + ":contains");
        String prefix = q.get(field);
        String folded = SearchKeys.fold(value);
        return (contains == null || folded.contains(SearchKeys.fold(contains)))
                && (prefix == null || folded.startsWith(SearchKeys.fold(prefix)));
    }

    private static List<Map<String, Object>> byId(List<Map<String, Object>> all, String ids) {
        if (ids == null) {
            return List.of();
        }
        Set<String> wanted = Set.of(ids.split(","));
        return all.stream().filter(r -> wanted.contains(r.get("id").toString())).toList();
    }

    private static Map<String, Object> outcome(String text) {
        return Map.of("resourceType", "OperationOutcome", "issue", List.of(Map.of("severity", "error", "code",
                "security", "diagnostics", text)));
    }

    private static Reply respond(int status, Object body) {
        return Reply.text(status, "application/fhir+json; charset=utf-8", Json.write(body));
    }

    @Override
    public void close() {
        server.close();
    }
}
