package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.AdministrationApi;
import fr.opaline.api.SessionApi;
import fr.opaline.api.admin.ServiceSettings;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.testing.MapSettings;
import fr.opaline.server.admin.AdministrationEndpoint;
import fr.opaline.server.admin.ServerConfiguration;
import fr.opaline.server.admin.ServicesOverview;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the Administration screen reads, through the API, each service's state and main
 * settings as the modules' settings records say them: an unset national-service address switches
 * the service off, a sandbox's address says "bac à sable", and no password nor key leaves the server.
 */
class ServiceSettingsApiTest {

    private static final Map<String, String> PRACTICE = Map.of(
            "insi.url", "https://insi.example.fr/lps", "insi.lps.idam", "IDAM42",
            "mss.smtp", "smtp://127.0.0.1:2525", "mss.applicative.address", "cabinet@cabinet.mssante.fr",
            "mss.applicative.keystorePassword", "motdepasse-tres-secret", "mss.directory.apiKey", "cle-tres-secrete",
            "psc.provider.psc.clientSecret", "secret-client-psc",
            "worklist.aeTitle", "CABINET_WL", "hl7.listener.port", "2575");

    private static Map<String, ServiceSettings> byName(List<ServiceSettings> services) {
        return services.stream().collect(Collectors.toMap(ServiceSettings::service, s -> s));
    }

    @Test
    void eachServiceSaysItsStateFromItsSettingsRecord() {
        Map<String, ServiceSettings> services = byName(ServicesOverview.from(MapSettings.of(PRACTICE), "Opaline test",
                "Cabinet").services());

        assertThat(services.get("DMP").state()).as("no dmp.url: switched off").isEqualTo("désactivé");
        assertThat(services.get("DMP").settings()).contains(new ServiceSettings.Setting("dmp.url", "non renseigné"));
        assertThat(services.get("INSi").state()).isEqualTo("actif");
        assertThat(services.get("INSi").settings()).contains(new ServiceSettings.Setting("insi.lps.idam", "IDAM42"));
        assertThat(services.get("MSSanté").state()).as("a loopback address is a sandbox's").isEqualTo("bac à sable");
        assertThat(services.get("Pro Santé Connect").state()).isEqualTo("désactivé");
        assertThat(services.get("Annuaire santé").state()).isEqualTo("désactivé");
        assertThat(services.get("Liste de travail DICOM").state()).isEqualTo("actif");
        assertThat(services.get("Liste de travail DICOM").settings())
                .contains(new ServiceSettings.Setting("worklist.aeTitle", "CABINET_WL"));
        assertThat(services.get("HL7 (MLLP)").state()).isEqualTo("actif");
        assertThat(services.get("DRIMbox").state()).isEqualTo("non configuré");

        Map<String, ServiceSettings> off = byName(ServicesOverview.from(MapSettings.of(Map.of("worklist.enabled",
                "false")), "Opaline test", "Cabinet").services());
        assertThat(off.get("Liste de travail DICOM").state()).isEqualTo("désactivé");
        assertThat(off.get("HL7 (MLLP)").state()).isEqualTo("désactivé");
        assertThat(off.get("INSi").state()).isEqualTo("désactivé");
    }

    @Test
    void theAdministratorReadsThemThroughTheApiWithoutAnySecretAndASecretaryIsRefused() throws Exception {
        try (ApiFixture fixture = new ApiFixture(core -> events -> {
            Map<Class<?>, Object> areas = new HashMap<>();
            AccountsFixture accounts = new AccountsFixture(core);
            ServerConfiguration configuration = ServerConfiguration.none(core.clock).withServices(
                    ServicesOverview.from(MapSettings.of(PRACTICE), "Opaline test", "Cabinet").services());
            areas.put(AdministrationApi.class, new AdministrationEndpoint(new AdministrationEndpoint.Services(
                    accounts.administration, accounts.review,
                    new fr.opaline.ins.trust.TrustedCorrespondents(core.database, core.audit, core.ids, core.clock),
                    new fr.opaline.mss.mailbox.Mailboxes(core.database, core.audit, core.ids, core.clock),
                    new fr.opaline.core.catalogue.CatalogueService(core.database, core.audit, core.ids)),
                    () -> configuration, events, core.clock));
            return areas;
        })) {
            ApiClient admin = fixture.client(ApiFixture.workstationKey());
            admin.api(SessionApi.class).signIn("admin", ApiFixture.PASSWORD.toCharArray(), null);
            List<ServiceSettings> services = admin.api(AdministrationApi.class).configuration().services();

            assertThat(services).extracting(s -> s.service() + " : " + s.state()).startsWith("DMP : désactivé",
                    "INSi : actif", "Pro Santé Connect : désactivé", "MSSanté : bac à sable");
            String everything = services.toString();
            assertThat(everything).doesNotContain("motdepasse-tres-secret", "cle-tres-secrete", "secret-client-psc");

            ApiClient secretary = fixture.client(ApiFixture.workstationKey());
            secretary.api(SessionApi.class).signIn("secretaire", ApiFixture.PASSWORD.toCharArray(), null);
            assertThatThrownBy(() -> secretary.api(AdministrationApi.class).configuration())
                    .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(403));
        }
    }
}
