package fr.opaline.mss.directory;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opaline.core.common.Json;
import fr.opaline.core.common.SearchKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Searches MSSanté addresses of correspondents in a FHIR directory shaped like the Annuaire Santé
 * API: {@code Practitioner} by family/given name, RPPS identifier and profession
 * ({@code qualification-code}), with their {@code PractitionerRole}s ({@code _revinclude}), then
 * the {@code Organization}s they practise in (town, organisation mailboxes). Mailboxes come from
 * the Practitioner (tied to the RPPS only), the PractitionerRole (tied to the RPPS and a structure)
 * and the Organization (organisational, applicative). Mailboxes are the
 * {@code telecom} of type email marked MSSANTE; red-listed ones are left out. Runs off the UI
 * thread: it waits on the network.
 */
public final class DirectoryClient {

    private final URI base;
    private final String apiKey;
    private final HttpClient http;
    private final Duration timeout;

    /** @param base the FHIR base, e.g. {@code https://gateway.api.esante.gouv.fr/fhir/v2/} */
    public DirectoryClient(URI base, String apiKey, Duration timeout) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public List<DirectoryEntry> search(DirectoryQuery query) {
        if (!query.searchable()) {
            throw new IllegalArgumentException("Indiquez au moins un nom ou un RPPS.");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (query.name() != null) {
            params.put("family:contains", query.name());
        }
        if (query.firstName() != null) {
            params.put("given:contains", query.firstName());
        }
        if (query.rpps() != null) {
            params.put("identifier", Fhir.RPPS_SYSTEM + "|" + query.rpps());
        }
        if (query.professionCode() != null) {
            params.put("qualification-code", query.professionCode());
        }
        params.put("active", "true");
        params.put("_revinclude", "PractitionerRole:practitioner");
        params.put("_count", Integer.toString(Math.min(query.limit(), 100)));
        List<JsonNode> resources = fetchAll(base.resolve("Practitioner?" + form(params)), query.limit() * 4);
        Map<String, JsonNode> practitioners = new LinkedHashMap<>();
        Map<String, List<String>> organisationsOf = new LinkedHashMap<>();
        Map<String, List<JsonNode>> rolesOf = new LinkedHashMap<>();
        for (JsonNode r : resources) {
            String type = r.path("resourceType").asText();
            if (type.equals("Practitioner")) {
                practitioners.put("Practitioner/" + r.path("id").asText(), r);
            } else if (type.equals("PractitionerRole")) {
                String practitioner = r.path("practitioner").path("reference").asText();
                String organisation = r.path("organization").path("reference").asText();
                rolesOf.computeIfAbsent(practitioner, k -> new ArrayList<>()).add(r);
                if (!organisation.isEmpty()) {
                    organisationsOf.computeIfAbsent(practitioner, k -> new ArrayList<>()).add(organisation);
                }
            }
        }
        Map<String, JsonNode> organisations = organisations(organisationsOf);
        List<DirectoryEntry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : practitioners.entrySet()) {
            JsonNode p = e.getValue();
            String rpps = identifier(p, Fhir.RPPS_SYSTEM);
            if (rpps == null) {
                String idnps = identifier(p, Fhir.IDNPS_SYSTEM);
                rpps = idnps != null && idnps.length() == 12 && idnps.startsWith("8") ? idnps.substring(1) : null;
            }
            JsonNode name = p.path("name").path(0);
            String family = name.path("family").asText("");
            String given = name.path("given").path(0).asText("");
            String prefix = name.path("prefix").path(0).asText("");
            String display = (prefix.isEmpty() ? "" : prefix + " ") + given + " " + family;
            String profession = profession(p);
            List<JsonNode> places = organisationsOf.getOrDefault(e.getKey(), List.of()).stream()
                    .map(organisations::get).filter(o -> o != null).toList();
            JsonNode firstPlace = places.isEmpty() ? null : places.get(0);
            for (String[] box : mailboxes(p)) {
                add(entries, seen, query, new DirectoryEntry(rpps, display.strip(), family, given, profession,
                        firstPlace == null ? null : firstPlace.path("name").asText(null), town(firstPlace),
                        postalCode(firstPlace), box[0], box[1]));
            }
            // Mailboxes tied to the practitioner and to a structure are on the PractitionerRole
            // (Annuaire Santé, use case "Extraction des BAL MSSanté").
            for (JsonNode role : rolesOf.getOrDefault(e.getKey(), List.of())) {
                JsonNode o = organisations.get(role.path("organization").path("reference").asText());
                for (String[] box : mailboxes(role)) {
                    add(entries, seen, query, new DirectoryEntry(rpps, display.strip(), family, given, profession,
                            o == null ? null : o.path("name").asText(null), town(o), postalCode(o), box[0], box[1]));
                }
            }
            for (JsonNode o : places) {
                for (String[] box : mailboxes(o)) {
                    add(entries, seen, query, new DirectoryEntry(rpps, display.strip(), family, given, profession,
                            o.path("name").asText(null), town(o), postalCode(o), box[0], box[1]));
                }
            }
        }
        return entries.size() > query.limit() ? entries.subList(0, query.limit()) : entries;
    }

    /** The MSSanté addresses the directory gives for one RPPS (to send to a referring physician). */
    public List<DirectoryEntry> byRpps(String rpps) {
        return search(new DirectoryQuery(null, null, rpps, null, null, 20));
    }

    private static void add(List<DirectoryEntry> entries, Set<String> seen, DirectoryQuery query, DirectoryEntry entry) {
        if (query.town() != null && (entry.town() == null
                || !SearchKeys.fold(entry.town()).startsWith(SearchKeys.fold(query.town())))) {
            return;
        }
        if (seen.add(entry.mssAddress().toLowerCase(java.util.Locale.ROOT) + "|" + entry.rpps())) {
            entries.add(entry);
        }
    }

    private Map<String, JsonNode> organisations(Map<String, List<String>> organisationsOf) {
        Set<String> ids = new LinkedHashSet<>();
        organisationsOf.values().forEach(list -> list.forEach(ref -> ids.add(ref.substring(ref.indexOf('/') + 1))));
        Map<String, JsonNode> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        StringJoiner joined = new StringJoiner(",");
        ids.forEach(joined::add);
        for (JsonNode o : fetchAll(base.resolve("Organization?" + form(Map.of("_id", joined.toString()))), ids.size() + 10)) {
            found.put("Organization/" + o.path("id").asText(), o);
        }
        return found;
    }

    /** The entries of a search and its next pages, up to {@code max} resources. */
    private List<JsonNode> fetchAll(URI first, int max) {
        List<JsonNode> resources = new ArrayList<>();
        URI next = first;
        int pages = 0;
        while (next != null && resources.size() < max && pages++ < 10) {
            JsonNode bundle = get(next);
            for (JsonNode entry : bundle.path("entry")) {
                resources.add(entry.path("resource"));
            }
            next = null;
            for (JsonNode link : bundle.path("link")) {
                if ("next".equals(link.path("relation").asText())) {
                    next = URI.create(link.path("url").asText());
                }
            }
        }
        return resources;
    }

    private JsonNode get(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/fhir+json").GET();
        if (apiKey != null && !apiKey.isBlank()) {
            request.header(Fhir.API_KEY_HEADER, apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new DirectoryException("Annuaire : accès refusé (clé d'API absente ou invalide, HTTP "
                        + response.statusCode() + ").", null);
            }
            if (response.statusCode() != 200) {
                throw new DirectoryException("Annuaire : réponse HTTP " + response.statusCode() + ".", null);
            }
            JsonNode bundle = Json.mapper().readTree(response.body());
            if (!"Bundle".equals(bundle.path("resourceType").asText())) {
                throw new DirectoryException("Annuaire : réponse inattendue (pas un Bundle FHIR).", null);
            }
            return bundle;
        } catch (IOException e) {
            throw new DirectoryException("Annuaire injoignable (" + base.getHost() + ") : " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryException("Recherche dans l'annuaire interrompue.", e);
        }
    }

    /** MSSanté mailboxes of a resource: address and type, red-listed ones left out. */
    static List<String[]> mailboxes(JsonNode resource) {
        List<String[]> boxes = new ArrayList<>();
        for (JsonNode telecom : resource.path("telecom")) {
            if (!"email".equals(telecom.path("system").asText()) || telecom.path("value").asText().isBlank()) {
                continue;
            }
            boolean mss = false;
            String type = null;
            boolean redList = false;
            for (JsonNode ext : telecom.path("extension")) {
                String url = ext.path("url").asText();
                if (url.equals(Fhir.EMAIL_TYPE_EXTENSION)) {
                    mss = "MSSANTE".equals(ext.path("valueCoding").path("code").asText());
                } else if (url.equals(Fhir.MAILBOX_METADATA_EXTENSION)) {
                    for (JsonNode sub : ext.path("extension")) {
                        if ("type".equals(sub.path("url").asText())) {
                            type = sub.path("valueCodeableConcept").path("coding").path(0).path("code").asText(null);
                        } else if ("listeRouge".equals(sub.path("url").asText())) {
                            redList = sub.path("valueBoolean").asBoolean(false);
                        }
                    }
                }
            }
            if (mss && !redList) {
                boxes.add(new String[] {telecom.path("value").asText().strip(), type});
            }
        }
        return boxes;
    }

    private static String identifier(JsonNode resource, String system) {
        for (JsonNode id : resource.path("identifier")) {
            if (system.equals(id.path("system").asText())) {
                return id.path("value").asText(null);
            }
        }
        return null;
    }

    private static String profession(JsonNode practitioner) {
        for (JsonNode q : practitioner.path("qualification")) {
            for (JsonNode coding : q.path("code").path("coding")) {
                if (Fhir.PROFESSION_SYSTEM.equals(coding.path("system").asText())) {
                    return coding.path("display").asText(coding.path("code").asText());
                }
            }
        }
        return null;
    }

    private static String town(JsonNode organisation) {
        return organisation == null ? null : organisation.path("address").path(0).path("city").asText(null);
    }

    private static String postalCode(JsonNode organisation) {
        return organisation == null ? null : organisation.path("address").path(0).path("postalCode").asText(null);
    }

    private static String form(Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }
}
