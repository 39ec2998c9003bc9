package fr.opaline.ins.cog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import fr.opaline.core.common.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the communes of the npm package {@code @etalab/decoupage-administratif} (built from the
 * INSEE COG): current communes, communes déléguées and associées with their chef-lieu,
 * arrondissements municipaux, communes of the collectivités d'outre-mer, and the former codes
 * of merged communes. Accepts the package as {@code npm pack} writes it (.tgz) or its
 * {@code data/communes.json}. It has no countries and no dated history: the INSEE files add them.
 */
public final class EtalabCommunesImporter {

    public static final String SOURCE = "etalab-communes";
    static final String ENTRY = "package/data/communes.json";
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /** The communes shipped with Opaline (built by packaging/communes/build-communes.sh). */
    static final String BUNDLED = "etalab-communes.json.gz";
    static final String BUNDLED_PROVENANCE = "etalab-communes.properties";

    /** The communes shipped in this module, and the package version they come from. */
    public List<CogPlace> readBundled() throws IOException {
        try (InputStream in = EtalabCommunesImporter.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new CogFormatException("Référentiel des communes absent de cette version d'Opaline.");
            }
            return parse(new GZIPInputStream(new BufferedInputStream(in)));
        }
    }

    /** "@etalab/decoupage-administratif 6.0.0": where the shipped communes come from. */
    public static String bundledVersion() {
        java.util.Properties provenance = new java.util.Properties();
        try (InputStream in = EtalabCommunesImporter.class.getResourceAsStream(BUNDLED_PROVENANCE)) {
            if (in != null) {
                provenance.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return provenance.getProperty("package", "?") + " " + provenance.getProperty("version", "?");
    }

    public List<CogPlace> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".tgz") || name.endsWith(".tar.gz")) {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                    new BufferedInputStream(Files.newInputStream(file))))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    if (entry.getName().equals(ENTRY)) {
                        if (entry.getSize() > MAX_BYTES) {
                            throw new CogFormatException(ENTRY + " : trop volumineux.");
                        }
                        return parse(tar);
                    }
                }
            }
            throw new CogFormatException(file.getFileName() + " : pas de " + ENTRY
                    + " (attendu : le paquet npm @etalab/decoupage-administratif).");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new CogFormatException(file.getFileName() + " : trop volumineux.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        }
    }

    List<CogPlace> parse(InputStream in) throws IOException {
        JsonNode root;
        try (JsonParser parser = Json.mapper().getFactory().createParser(in)) {
            parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            root = Json.mapper().readTree(parser);
        } catch (IOException e) {
            throw new CogFormatException("communes.json illisible : " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new CogFormatException("communes.json : une liste de communes est attendue.");
        }
        List<CogPlace> places = new ArrayList<>();
        int index = 0;
        for (JsonNode c : root) {
            index++;
            String code = c.path("code").asText("");
            String nom = c.path("nom").asText("");
            if (!InseeCogImporter.CODE.matcher(code).matches() || nom.isBlank()) {
                throw new CogFormatException("communes.json, élément " + index + " : code ou nom invalide.");
            }
            String type = c.path("type").asText("");
            CogPlaceKind kind = switch (type) {
                case "commune-actuelle" -> "com".equals(c.path("zone").asText())
                        ? CogPlaceKind.COLLECTIVITE_OUTRE_MER : CogPlaceKind.COMMUNE;
                case "commune-deleguee" -> CogPlaceKind.COMMUNE_DELEGUEE;
                case "commune-associee" -> CogPlaceKind.COMMUNE_ASSOCIEE;
                case "arrondissement-municipal" -> CogPlaceKind.ARRONDISSEMENT_MUNICIPAL;
                default -> throw new CogFormatException("communes.json, élément " + index + " : type « " + type
                        + " » inconnu.");
            };
            String parent = c.hasNonNull("chefLieu") ? c.get("chefLieu").asText()
                    : c.hasNonNull("commune") ? c.get("commune").asText() : null;
            if (kind == CogPlaceKind.COLLECTIVITE_OUTRE_MER) {
                parent = c.path("departement").asText(null);
            }
            places.add(new CogPlace(code, kind, nom, null, null, parent, SOURCE));
            for (JsonNode former : c.path("anciensCodes")) {
                places.add(new CogPlace(former.asText(), CogPlaceKind.ANCIEN_CODE, nom, null, null, code, SOURCE));
            }
        }
        return places;
    }
}
