package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.api.AdministrationApi;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.core.catalogue.CcamAct;
import fr.opaline.core.catalogue.CcamImport;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.platform.tls.TlsIdentity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CCAM import through the application API: the administrator's only, all or nothing, refusals in French. */
class CcamApiTest {

    static ApiFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ApiFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static AdministrationApi admin() {
        ApiClient client = fixture.client(ApiFixture.workstationKey());
        client.api(SessionApi.class).signIn("admin", ApiFixture.PASSWORD.toCharArray(), null);
        return client.api(AdministrationApi.class);
    }

    @Test
    void anAdministratorImportsAnExtractAndABadOneChangesNothing() {
        AdministrationApi admin = admin();
        ExamType exam = admin.addExamType("RX-THX9", "Radio du thorax", Modality.DX, 10, null);

        CcamImport result = admin.importCcam("extrait.csv", "code;libellé;examen\nZBQK002;Radiographie du thorax;RX-THX9\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(result.examsMapped()).containsExactly("RX-THX9 → ZBQK002");
        assertThat(admin.ccamActs()).contains(new CcamAct("ZBQK002", "Radiographie du thorax"));
        assertThat(admin.examTypes()).filteredOn(x -> x.id().equals(exam.id())).singleElement()
                .satisfies(x -> assertThat(x.ccamCode()).isEqualTo("ZBQK002"));

        assertThatThrownBy(() -> admin.importCcam("faux.csv", "code;libellé;examen\nZBQK003;Autre;RX-THX9\nXX1;Faux;\n"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("Ligne 3 : Code CCAM invalide « XX1 »");
                });
        assertThat(admin.ccamActs()).extracting(CcamAct::code).doesNotContain("ZBQK003");
        assertThat(admin.examTypes()).filteredOn(x -> x.id().equals(exam.id())).singleElement()
                .satisfies(x -> assertThat(x.ccamCode()).isEqualTo("ZBQK002"));
        assertThatThrownBy(() -> admin.updateExamType(exam.id(), "Radio du thorax", 10, "CT-THX"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("Code CCAM invalide"));
    }

    @Test
    void aSecretaryCannotImportNorListTheActs() throws Exception {
        TlsIdentity key = ApiFixture.workstationKey();
        String handle = fixture.signIn(key, "secretaire");
        String body = "{\"fileName\":\"x.csv\",\"csv\":\"" + Base64.getEncoder().encodeToString(
                "code;libellé\nAAAA001;Acte d'essai\n".getBytes(StandardCharsets.UTF_8)) + "\"}";
        assertThat(fixture.raw(key, "POST", "/api/v1/admin/importCcam", handle, body).status()).isEqualTo(403);
        assertThat(fixture.raw(key, "POST", "/api/v1/admin/ccamActs", handle, "{}").status()).isEqualTo(403);
        assertThat(fixture.raw(key, "POST", "/api/v1/admin/importCcam", null, body).status()).isEqualTo(401);
        assertThat(admin().ccamActs()).extracting(CcamAct::code).doesNotContain("AAAA001");
    }
}
