package fr.opaline.ins.insi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.insi.InsiException.Kind;
import fr.opaline.sandbox.ins.InsiSandbox;
import fr.opaline.sandbox.ins.SandboxIdentities;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The INSi client against the sandbox INSi, over the network (loopback), every outcome. */
class InsiClientSandboxTest {

    static InsiSandbox sandbox;
    static InsiClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new InsiSandbox(0, SandboxIdentities.builtIn(), Clock.systemUTC());
        sandbox.start();
        client = new InsiClient(InsiSettings.of(sandbox.endpoint(), Duration.ofSeconds(3)), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        sandbox.stop(Duration.ZERO);
    }

    static InsiTraitsQuery query(String name, String first, Sex sex, String date, String place) {
        return new InsiTraitsQuery(name, first, sex, LocalDate.parse(date), place);
    }

    @Test
    void theAnsTestPatientIsFoundWithHerInsAndTraits() {
        InsiResponse r = client.searchByTraits(query("PAT-TROIS", "DOMINIQUE", Sex.F, "1979-03-28", null));
        assertThat(r.code()).isEqualTo("00");
        assertThat(r.identity().activeIns()).isEqualTo(new InsNumber("279035121518989", InsNumber.OID_TEST_NIR));
        assertThat(r.identity().traits().birthFirstNames()).isEqualTo("DOMINIQUE MARIE-LOUISE");
        assertThat(r.identity().traits().birthplaceCode()).isEqualTo("51215");
    }

    @Test
    void homonymsGive02WithoutBirthplaceAnd00WithIt() {
        assertThat(client.searchByTraits(query("MARTIN", "CLAIRE", Sex.F, "1985-06-14", null)).code()).isEqualTo("02");
        InsiResponse r = client.searchByTraits(query("MARTIN", "CLAIRE", Sex.F, "1985-06-14", "69383"));
        assertThat(r.code()).isEqualTo("00");
        assertThat(r.identity().traits().birthFirstNames()).isEqualTo("CLAIRE ISABELLE");
        assertThat(client.searchByTraits(query("DURAND", "PIERRE", Sex.M, "1990-01-01", "13201")).code()).isEqualTo("02");
    }

    @Test
    void anAbsentIdentityGives01() {
        InsiResponse r = client.searchByTraits(query("ABSENT", "PERSONNE", Sex.M, "2001-01-01", null));
        assertThat(r.code()).isEqualTo("01");
        assertThat(r.identity()).isNull();
    }

    @Test
    void apostrophesHyphensAndPreviousInsComeBackAsSent() {
        InsiResponse r = client.searchByTraits(query("D'ALMEIDA", "PAULO", Sex.M, "1971-04-09", null));
        assertThat(r.identity().traits().birthName()).isEqualTo("D'ALMEIDA");
        assertThat(r.identity().traits().birthplaceCode()).isEqualTo("99139");
        InsiResponse corsica = client.searchByTraits(query("SANTONI", "PAUL-ANTOINE", Sex.M, "1980-07-14", null));
        assertThat(corsica.identity().activeIns().matricule()).startsWith("180072A004");
        InsiResponse changed = client.searchByTraits(query("ROUSSEAU", "LUC", Sex.M, "1988-08-08", null));
        assertThat(changed.identity().previousIns()).extracting(InsNumber::oid).containsExactly(InsNumber.OID_TEST_NIA);
    }

    @Test
    void carteVitaleFindsTheBeneficiaryByRankOrByHerOwnNir() {
        InsiResponse child = client.searchByCarteVitale(new CarteVitaleQuery(null, "1751044109118", null, "2012-05-06", "1"));
        assertThat(child.identity().traits().birthFirstNames()).isEqualTo("LEA");
        InsiResponse own = client.searchByCarteVitale(new CarteVitaleQuery("1751044109118", "1751044109118", "MOREAU",
                "1975-10-20", "1"));
        assertThat(own.identity().traits().birthFirstNames()).isEqualTo("PHILIPPE");
        assertThat(client.searchByCarteVitale(new CarteVitaleQuery(null, "1999999999999", null, "1975-10-20", "1")).code())
                .isEqualTo("01");
    }

    @Test
    void verificationConfirmsTheInsOnlyWithItsTraits() {
        IdentityTraits traits = new IdentityTraits("PAT-TROIS", "DOMINIQUE MARIE-LOUISE", null, LocalDate.of(1979, 3, 28),
                Sex.F, "51215");
        InsNumber ins = new InsNumber("279035121518989", InsNumber.OID_TEST_NIR);
        assertThat(client.verify(ins, traits).found()).isTrue();
        IdentityTraits wrong = new IdentityTraits("PAT-TROIS", "DOMINIQUE", null, LocalDate.of(1979, 3, 28), Sex.F, null);
        assertThat(client.verify(ins, wrong).code()).isEqualTo("01");
    }

    @Test
    void aSoapFaultIsATechnicalErrorWithItsCode() {
        sandbox.failNext(InsiSandbox.Failure.SOAP_FAULT);
        assertThatThrownBy(() -> client.searchByTraits(query("PAT-TROIS", "DOMINIQUE", Sex.F, "1979-03-28", null)))
                .isInstanceOfSatisfying(InsiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.SOAP_FAULT);
                    assertThat(e.faultCode()).isEqualTo("insi_503");
                    assertThat(e.getMessage()).contains("momentanément indisponible");
                });
        assertThatThrownBy(() -> client.searchByTraits(query("PANNE", "TEST", Sex.F, "1979-03-28", null)))
                .isInstanceOfSatisfying(InsiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SOAP_FAULT));
    }

    @Test
    void truncatedNonSoapAndHttpErrorsAreRefused() {
        sandbox.failNext(InsiSandbox.Failure.TRUNCATED);
        assertThatThrownBy(() -> client.searchByTraits(query("PAT-TROIS", "DOMINIQUE", Sex.F, "1979-03-28", null)))
                .isInstanceOfSatisfying(InsiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
                    assertThat(e.getMessage()).contains("tronquée");
                });
        sandbox.failNext(InsiSandbox.Failure.NOT_SOAP);
        assertThatThrownBy(() -> client.searchByTraits(query("PAT-TROIS", "DOMINIQUE", Sex.F, "1979-03-28", null)))
                .isInstanceOfSatisfying(InsiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
        sandbox.failNext(InsiSandbox.Failure.HTTP_503);
        assertThatThrownBy(() -> client.searchByTraits(query("PAT-TROIS", "DOMINIQUE", Sex.F, "1979-03-28", null)))
                .isInstanceOfSatisfying(InsiException.class, e -> assertThat(e.kind()).isIn(Kind.HTTP_ERROR,
                        Kind.MALFORMED_RESPONSE));
    }

    /**
     * Emetteur of the ContexteBAM: an 11–12 digit number (ANS INSi kit, as issue 25 reports) or an IGC
     * Santé structure identifier (10B0152872 in public INSi client samples); "opaline", the old default,
     * is refused by the sandbox.
     */
    @Test
    void theEmitterMustBeANumberOrAStructureIdentifier() {
        InsiClient old = new InsiClient(new InsiSettings(sandbox.endpoint(), Duration.ofSeconds(3), "OPALINE", "0.1",
                "Opaline", "opaline", "opaline", null), Clock.systemUTC());
        assertThatThrownBy(() -> old.searchByTraits(query("PAT-TROIS", "DOMINIQUE", Sex.F, "1979-03-28", null)))
                .isInstanceOf(InsiException.class);
        InsiClient structure = new InsiClient(new InsiSettings(sandbox.endpoint(), Duration.ofSeconds(3), "OPALINE",
                "0.1", "Opaline", "opaline", "10B0152872", null), Clock.systemUTC());
        assertThat(structure.searchByTraits(query("PAT-TROIS", "DOMINIQUE", Sex.F, "1979-03-28", null)).code())
                .isEqualTo("00");
        assertThat(client.searchByTraits(query("PAT-TROIS", "DOMINIQUE", Sex.F, "1979-03-28", null)).code())
                .as("the default, 11 digits").isEqualTo("00");
    }

    @Test
    void aSlowTeleserviceTimesOut() {
        InsiClient impatient = new InsiClient(InsiSettings.of(sandbox.endpoint(), Duration.ofMillis(300)),
                Clock.systemUTC());
        sandbox.delayAnswers(Duration.ofMillis(1500));
        try {
            assertThatThrownBy(() -> impatient.searchByTraits(query("PAT-TROIS", "DOMINIQUE", Sex.F, "1979-03-28", null)))
                    .isInstanceOfSatisfying(InsiException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                        assertThat(e.getMessage()).contains("délai");
                    });
        } finally {
            sandbox.delayAnswers(Duration.ZERO);
        }
    }

    @Test
    void anUnreachableTeleserviceSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        InsiClient nowhere = new InsiClient(InsiSettings.of(URI.create("http://127.0.0.1:" + port + "/lps"),
                Duration.ofSeconds(2)), Clock.systemUTC());
        assertThatThrownBy(() -> nowhere.searchByTraits(query("PAT-TROIS", "DOMINIQUE", Sex.F, "1979-03-28", null)))
                .isInstanceOfSatisfying(InsiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE));
    }

    @Test
    void theSandboxShowsWhatItReceivedAndRefusesNonSoap() throws Exception {
        client.searchByTraits(query("LEFEVRE", "HELENE", Sex.F, "1962-11-03", null));
        @SuppressWarnings("unchecked")
        var requests = (java.util.List<InsiSandbox.Received>) ((Map<String, Object>) sandbox.inspect()).get("requests");
        assertThat(requests).anySatisfy(r -> {
            assertThat(r.operation()).isEqualTo("rechercherInsAvecTraitsIdentite");
            assertThat(r.fields()).containsEntry("NomNaissance", "LEFEVRE").containsEntry("LieuNaissance", null);
        });
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(sandbox.endpoint())
                .header("Content-Type", "application/soap+xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Fault").doesNotContain("root:");
    }
}
