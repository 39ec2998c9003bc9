package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opaline.core.common.Json;
import fr.opaline.platform.tls.TlsIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI file kept with the code describes exactly what the server serves. */
class OpenApiTest {

    static ApiFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ApiFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    static Set<String> documented(JsonNode document) {
        Set<String> routes = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return routes;
    }

    Set<String> served() {
        Set<String> routes = new TreeSet<>();
        for (String route : fixture.server.routeList()) {
            if (!route.contains("{")) {
                routes.add(route);
            }
        }
        fixture.server.dispatcher().operations().forEach(o -> routes.add(o.route()));
        return routes;
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        JsonNode document = Json.mapper().readTree(ApiServer.openapi());
        assertThat(documented(document)).containsExactlyInAnyOrderElementsOf(served());
    }

    @Test
    void documentedRolesAreTheOnesTheDispatcherEnforces() throws Exception {
        JsonNode paths = Json.mapper().readTree(ApiServer.openapi()).get("paths");
        List<String> mismatches = new ArrayList<>();
        for (Operation operation : fixture.server.dispatcher().operations()) {
            JsonNode post = paths.path("/api/v1/" + operation.area() + "/" + operation.name()).path("post");
            Set<String> documentedRoles = new TreeSet<>();
            post.path("x-opaline-roles").forEach(role -> documentedRoles.add(role.asText()));
            Set<String> enforced = new TreeSet<>();
            operation.roles().forEach(role -> enforced.add(role.name()));
            boolean documentedPublic = post.has("security") && post.get("security").isEmpty();
            if (!documentedRoles.equals(enforced) || documentedPublic != operation.publicCall()) {
                mismatches.add(operation.route());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theServerServesItsDescriptionAndVersionWithoutASession() throws Exception {
        TlsIdentity key = ApiFixture.workstationKey();
        ApiFixture.Answer openapi = fixture.raw(key, "GET", "/api/v1/openapi", null, null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(Json.mapper().readTree(openapi.body()).get("openapi").asText()).startsWith("3.");
        ApiFixture.Answer version = fixture.raw(key, "GET", "/api/v1/version", null, null);
        assertThat(version.body()).contains("\"api\":\"1.0\"");
    }
}
