package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.api.DmpApi;
import fr.opaline.api.DocumentApi;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.api.dmp.DicaView;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.dmp.DmpChanges;
import fr.opaline.dmp.consent.ConsentGuard;
import fr.opaline.dmp.consent.DmpConsentService;
import fr.opaline.dmp.dica.DicaService;
import fr.opaline.ins.status.IdentityStatusService;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.platform.tls.TlsIdentity;
import fr.opaline.server.record.DocumentEndpoint;
import fr.opaline.server.record.RecordEndpoints;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The record's DMP and document areas, decided by the server: a secretary's session gets 403 on
 * break-glass and the DMP consultation, a radiologist's goes through; the consent she records
 * changes the DICA checklist; reading a document's content is audited.
 */
class RecordApiTest {

    static ApiFixture fixture;
    static Patient patient;
    static UUID document;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ApiFixture(core -> {
            DmpChanges changes = new DmpChanges();
            ConsentGuard guard = new ConsentGuard(core.database, core.clock);
            return RecordEndpoints.of(core.database, core.audit, core.clock, core.patients,
                    new IdentityStatusService(core.database, core.patients, core.audit, core.ids, core.clock,
                            new PracticeSettings(core.database)), null,
                    new DmpConsentService(core.database, core.audit, core.ids, core.clock, core.episodes, changes),
                    new DicaService(core.database, guard, changes, core.clock), null, false);
        });
        patient = fixture.core.patient("ROBERT", "LUCIE", LocalDate.of(1970, 4, 12), Sex.F);
        document = fixture.core.ids.newId();
        fixture.core.database.inTransactionRun(ctx -> new DocumentRepository(ctx).insertIfAbsent(new ClinicalDocument(
                document, patient.id(), "1.2.3^doc", "1.2.3^set", 1, "18748-4", "CR scanner thoracique",
                fixture.core.clock.instant(), "Dr Lœw", "10003456789", Provenance.LOCAL, DocumentStatus.CURRENT, false,
                false, "text/plain", "contenu".getBytes(StandardCharsets.UTF_8), null, fixture.core.clock.instant())));
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aSecretaryGets403OnBreakGlassAndTheConsultationByHand() throws Exception {
        TlsIdentity key = ApiFixture.workstationKey();
        String handle = fixture.signIn(key, "secretaire");
        Patient other = fixture.core.patient("ROBERT", "MARC", LocalDate.of(1972, 5, 2), Sex.M);
        String body = "{\"patientId\":\"" + other.id() + "\",\"reason\":\"Urgence vitale, patient inconscient\"}";
        for (String operation : new String[] {"breakGlass", "open", "integrate", "makeVisible"}) {
            ApiFixture.Answer answer = fixture.raw(key, "POST", "/api/v1/dmp/" + operation, handle, body);
            assertThat(answer.status()).as(operation).isEqualTo(403);
            assertThat(answer.body()).contains("secrétaire");
        }
        // Nothing was recorded on the episode by the refused break-glass.
        assertThat(new fr.opaline.core.episode.CareEpisodeRepository(fixture.core.database.dsl()).findOpen(other.id())
                .map(e -> e.breakGlassAt())).isEmpty();
        assertThat(fixture.raw(key, "POST", "/api/v1/dmp/breakGlass", null, body).status())
                .isEqualTo(401);
    }

    @Test
    void theSecretaryRecordsConsentAndARadiologistBreaksTheGlass() throws Exception {
        ApiClient secretary = fixture.client(ApiFixture.workstationKey());
        secretary.api(SessionApi.class).signIn("secretaire", ApiFixture.PASSWORD.toCharArray(), null);
        DicaView before = secretary.api(DmpApi.class).dica(patient.id());
        assertThat(before.consultationOffered()).isFalse();
        assertThat(line(before, "CONSENT").state()).isEqualTo("UNMET");
        DicaView after = secretary.api(DmpApi.class).recordConsent(patient.id(), true, false,
                ConsultationConsent.GRANTED);
        assertThat(after.consultation()).isEqualTo(ConsultationConsent.GRANTED);
        // A secretary is no health professional: her own checklist stays unmet on authentication.
        assertThat(line(after, "AUTHENTICATION").state()).isEqualTo("UNMET");

        ApiClient radiologist = fixture.client(ApiFixture.workstationKey());
        radiologist.api(SessionApi.class).signIn("radiologue", ApiFixture.PASSWORD.toCharArray(), null);
        radiologist.api(DmpApi.class).breakGlass(patient.id(), "Urgence vitale, patient inconscient");
        assertThat(episode().orElseThrow().breakGlassAt()).isNotNull();
        // The consultation is allowed to her role; this server has no DMP address, so it says so.
        Assertions.assertThatThrownBy(() -> radiologist.api(DmpApi.class).open(patient.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("DMP n'est pas configuré");
                });
    }

    @Test
    void readingADocumentsContentIsAuditedByTheServer() throws Exception {
        ApiClient secretary = fixture.client(ApiFixture.workstationKey());
        secretary.api(SessionApi.class).signIn("secretaire", ApiFixture.PASSWORD.toCharArray(), null);
        assertThat(secretary.api(DocumentApi.class).list(patient.id())).singleElement()
                .satisfies(d -> assertThat(d.content()).isEmpty());
        long before = reads();
        ClinicalDocument read = secretary.api(DocumentApi.class).content(document);
        assertThat(new String(read.content(), StandardCharsets.UTF_8)).isEqualTo("contenu");
        assertThat(reads()).isEqualTo(before + 1);
        assertThat(fixture.core.audit.forPatient(patient.id(), 50)).filteredOn(
                e -> e.action().equals(DocumentEndpoint.AUDIT_DOCUMENT_READ)).first()
                .satisfies(e -> {
                    assertThat(e.actorLogin()).isEqualTo("secretaire");
                    assertThat(e.objectId()).isEqualTo(document.toString());
                });
    }

    @Test
    void theDeskQualifiesARetrievedIdentityAndACorrectedTraitDropsItToValidee() throws Exception {
        Patient created = fixture.core.patient("PETIT", "JEANNE", LocalDate.of(1988, 9, 3), Sex.F);
        Patient retrieved = fixture.core.patients.update(created.id(), p -> p.withIdentity(p.traits(),
                new fr.opaline.core.patient.InsNumber("288097512301788", fr.opaline.core.patient.InsNumber.OID_TEST_NIR),
                fr.opaline.core.patient.IdentityStatus.RECUPEREE, fr.opaline.core.patient.IdentityAttributes.NONE, null,
                fixture.core.clock.instant()), "test", fixture.core.secretary);
        ApiClient secretary = fixture.client(ApiFixture.workstationKey());
        secretary.api(SessionApi.class).signIn("secretaire", ApiFixture.PASSWORD.toCharArray(), null);
        fr.opaline.api.IdentityApi identity = secretary.api(fr.opaline.api.IdentityApi.class);
        LocalDate today = LocalDate.now(fixture.core.clock);

        // Not a high-trust device: refused, nothing changes.
        Assertions.assertThatThrownBy(() -> identity.recordIdentityCheck(retrieved.id(),
                        new fr.opaline.api.identity.IdentityCheck("CARTE_VITALE", today, "Mme Accueil", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));

        Patient qualified = identity.recordIdentityCheck(retrieved.id(),
                new fr.opaline.api.identity.IdentityCheck("CNI", today, "Mme Accueil", null));
        assertThat(qualified.status()).isEqualTo(fr.opaline.core.patient.IdentityStatus.QUALIFIEE);
        assertThat(fixture.core.audit.forPatient(retrieved.id(), 20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(IdentityStatusService.AUDIT_STATUS_CHANGED);
            assertThat(e.actorLogin()).isEqualTo("secretaire");
            assertThat(e.detail()).contains("RECUPEREE → QUALIFIEE", "Carte nationale d'identité", "Mme Accueil");
        });

        fr.opaline.core.patient.IdentityTraits corrected = new fr.opaline.core.patient.IdentityTraits("PETIT-MARTIN",
                "JEANNE", null, LocalDate.of(1988, 9, 3), Sex.F, qualified.traits().birthplaceCode());
        Assertions.assertThatThrownBy(() -> identity.correctTraits(retrieved.id(), corrected, " "))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        Patient validee = identity.correctTraits(retrieved.id(), corrected, "Nom composé sur la CNI");
        assertThat(validee.status()).isEqualTo(fr.opaline.core.patient.IdentityStatus.VALIDEE);
        assertThat(validee.ins()).isNull();
        assertThat(validee.traits().birthName()).isEqualTo("PETIT-MARTIN");

        Patient doubtful = identity.setAttributes(retrieved.id(),
                new fr.opaline.core.patient.IdentityAttributes(true, false, false), "Pièce présentée douteuse");
        assertThat(doubtful.status()).isEqualTo(fr.opaline.core.patient.IdentityStatus.PROVISOIRE);

        Patient contact = identity.updateContact(retrieved.id(),
                new fr.opaline.core.patient.ContactDetails(" 06 12 34 56 78 ", "jeanne@example.org", null, null, ""));
        assertThat(contact.contact().phone()).isEqualTo("06 12 34 56 78");
        assertThat(contact.contact().city()).isNull();
        Assertions.assertThatThrownBy(() -> identity.updateContact(retrieved.id(),
                        new fr.opaline.core.patient.ContactDetails(null, "pas-une-adresse", null, null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    private static java.util.Optional<fr.opaline.core.episode.CareEpisode> episode() {
        return new fr.opaline.core.episode.CareEpisodeRepository(fixture.core.database.dsl()).findOpen(patient.id());
    }

    private static long reads() {
        return fixture.core.audit.forPatient(patient.id(), 500).stream()
                .filter(e -> e.action().equals(DocumentEndpoint.AUDIT_DOCUMENT_READ)).count();
    }

    private static DicaView.Line line(DicaView view, String condition) {
        return view.items().stream().filter(l -> l.condition().equals(condition)).findFirst().orElseThrow();
    }
}
