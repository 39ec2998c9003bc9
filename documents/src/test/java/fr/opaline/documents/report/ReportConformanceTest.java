package fr.opaline.documents.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.MutableClock;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.documents.cda.CdaReader;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.validation.AnsValidation;
import fr.opaline.ins.datamatrix.DatamatrixInsPayload;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * A complete CR made through the report lifecycle, checked by peers nobody here wrote:
 * xmllint against CDA_extended.xsd, the ANS schematrons (IHE, structuration minimale, modèles
 * ANS for N1; IMG-CR-IMG 2024.01 for N3), veraPDF for PDF/A-1b, zbarimg and dmtxread reading the
 * QR code and the Datamatrix INS back from the rendered page (SC.CDA/DD.24, SC.CDA/VISU.04,
 * SC.DB/RIS.09/11).
 */
class ReportConformanceTest {

    static TestDatabases.TestDatabase db;
    static SampleReport.Result sample;
    static ClinicalDocument n3;
    static ClinicalDocument n1;
    static ClinicalDocument pdf;
    @TempDir
    static Path dir;
    static Path n1File;
    static Path n3File;
    static Path pdfFile;
    /** One working copy of the ANS material for the whole class. */
    static AnsValidation ans;
    /** Every schematron outcome, computed once for the class (see {@link #runSchematrons()}). */
    static Map<String, AnsValidation.Outcome> schematrons;

    static final String IHE = "profils/IHE.sch";
    static final String STRUCTURATION_MINIMALE = "profils/structurationMinimale/ASIP-STRUCT-MIN-StrucMin.sch";
    static final String MODELES_ANS = "profils/CI-SIS_Modeles_ANS.sch";
    static final String MODELES_DE_CONTENUS = "profils/CI-SIS_ModelesDeContenusCDA.sch";
    static final String IMG_CR_IMG = "CI-SIS_IMG-CR-IMG_2024.01.sch";

    @BeforeAll
    static void makeSample() throws Exception {
        db = TestDatabases.h2();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:15:00Z"), ZoneId.of("Europe/Paris"));
        sample = SampleReport.create(db.database(), clock, new DrimboxLinkTemplate(
                "https://drimbox.exemple.fr/viewer?study={studyInstanceUid}&an={accessionNumber}", Duration.ofDays(365)));
        List<ClinicalDocument> docs = new DocumentRepository(db.database().dsl()).findByReportVersion(sample.version().id());
        assertThat(docs).as("stored documents").extracting(ClinicalDocument::documentUid).hasSize(3).contains(sample.version().documentUid());
        n3 = docs.stream().filter(d -> d.documentUid().equals(sample.version().documentUid())).findFirst().orElseThrow();
        n1 = docs.stream().filter(d -> d.documentUid().equals(sample.version().documentUid() + ".1")).findFirst().orElseThrow();
        pdf = docs.stream().filter(d -> d.mimeType().equals("application/pdf")).findFirst().orElseThrow();
        n1File = Files.write(dir.resolve("cr-n1.xml"), n1.content());
        n3File = Files.write(dir.resolve("cr-n3.xml"), n3.content());
        pdfFile = Files.write(dir.resolve("cr.pdf"), pdf.content());
        ans = new AnsValidation(dir.resolve("ans"));
        schematrons = runSchematrons();
    }

    /**
     * Each schematron compiled once for both CDA (compiling is the slow part): one child JVM per
     * working directory the rules expect, the two running side by side.
     */
    static Map<String, AnsValidation.Outcome> runSchematrons() throws Exception {
        CompletableFuture<Map<String, AnsValidation.Outcome>> fromStructurationMinimale = CompletableFuture.supplyAsync(
                () -> uncheckedSchematrons("profils/structurationMinimale", Map.of(STRUCTURATION_MINIMALE, List.of(n1File))));
        Map<String, List<Path>> fromRoot = new LinkedHashMap<>();
        fromRoot.put(IHE, List.of(n1File));
        fromRoot.put(MODELES_ANS, List.of(n1File, n3File));
        fromRoot.put(MODELES_DE_CONTENUS, List.of(n1File));
        fromRoot.put(IMG_CR_IMG, List.of(n3File));
        Map<String, AnsValidation.Outcome> all = new LinkedHashMap<>(ans.schematrons(".", fromRoot));
        all.putAll(fromStructurationMinimale.get(15, TimeUnit.MINUTES));
        return all;
    }

    private static Map<String, AnsValidation.Outcome> uncheckedSchematrons(String workingDir, Map<String, List<Path>> runs) {
        try {
            return ans.schematrons(workingDir, runs);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoSchematronError(String schematron, Path file) {
        AnsValidation.Outcome outcome = schematrons.get(AnsValidation.key(schematron, file));
        assertThat(outcome).as(schematron + " on " + file.getFileName()).isNotNull();
        assertThat(outcome.errors()).as(schematron + " on " + file.getFileName() + "\n"
                + String.join("\n", outcome.messages())).isZero();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void bothCdaValidateAgainstTheCdaSchema() throws Exception {
        AnsValidation.Outcome outcome = ans.xmllint(n1File, n3File);
        assertThat(outcome.errors()).as(String.join("\n", outcome.messages())).isZero();
    }

    @Test
    void n1PassesTheIheStructurationMinimaleAndAnsModelSchematrons() throws Exception {
        for (String schematron : List.of(IHE, STRUCTURATION_MINIMALE, MODELES_ANS, MODELES_DE_CONTENUS)) {
            assertNoSchematronError(schematron, n1File);
        }
    }

    @Test
    void n3PassesTheImgCrImgSchematron() throws Exception {
        for (String schematron : List.of(IMG_CR_IMG, MODELES_ANS)) {
            assertNoSchematronError(schematron, n3File);
        }
    }

    @Test
    void pdfIsPdfA1bForVeraPdf() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf.content()),
                PDFAFlavour.PDFA_1_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_1_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage())
                    .distinct().toList();
            assertThat(failures).isEmpty();
            assertThat(result.isCompliant()).isTrue();
        }
    }

    @Test
    void qrCodeAndDatamatrixAreReadBackByIndependentDecoders() throws Exception {
        Process render = new ProcessBuilder("pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", pdfFile.toString(),
                dir.resolve("page").toString()).redirectErrorStream(true).start();
        assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path page;
        try (var files = Files.list(dir)) {
            page = files.filter(f -> f.getFileName().toString().startsWith("page") && f.toString().endsWith(".png"))
                    .findFirst().orElseThrow();
        }
        String qr = run("zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", page.toString()).strip();
        String url = sample.loader().load(db.database().dsl(), sample.version().id(), Instant.now()).viewerLink().url();
        assertThat(qr).isEqualTo(url).contains(sample.booking().step().studyInstanceUid())
                .contains(sample.booking().order().accessionNumber());

        String datamatrix = run("dmtxread", "-N1", "-m", "60000", page.toString());
        assertThat(datamatrix).isEqualTo(DatamatrixInsPayload.of(sample.patient().ins(), sample.patient().traits()));
    }

    @Test
    void cdaPdfTextAndXdsMetadataAgree() throws Exception {
        CdaReader reader = new CdaReader();
        CdaReader.Parsed parsedN3 = reader.read(n3.content());
        CdaReader.Parsed parsedN1 = reader.read(n1.content());
        assertThat(parsedN3.pdf()).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(pdf.content()));
        assertThat(parsedN1.pdf()).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(pdf.content()));

        CdaHeader h = parsedN3.header();
        assertThat(h.level()).isEqualTo(CdaHeader.Level.N3);
        assertThat(parsedN1.header().level()).isEqualTo(CdaHeader.Level.N1);
        assertThat(h.ins().extension()).isEqualTo(sample.patient().ins().matricule());
        assertThat(h.accessionNumber().extension()).isEqualTo(sample.booking().order().accessionNumber());
        assertThat(h.serviceEvents().get(0).studyInstanceUid()).isEqualTo(sample.booking().step().studyInstanceUid());
        assertThat(h.legalAuthenticator().id().extension()).isEqualTo("8" + SampleReport.RADIOLOGIST_RPPS);
        assertThat(h.setId().root()).isEqualTo(parsedN1.header().setId().root().replaceAll("\\.1$", ""));

        String text;
        try (var document = Loader.loadPDF(pdf.content())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("INS à scanner", "Lefèvre-Durand", "Hélène", "DURAND", "HELENE MARIE",
                sample.booking().order().accessionNumber(), sample.booking().step().studyInstanceUid(),
                "Emphysème centrolobulaire discret, sans nodule suspect", "99700000000", "Scanner thoracique",
                "2 68 04 75 056 123");

        var meta = new ReportRenderer().render(sample.loader().load(db.database().dsl(), sample.version().id(), Instant.now()))
                .n3Metadata();
        assertThat(meta.uniqueId()).isEqualTo(n3.documentUid());
        assertThat(meta.patientId()).isEqualTo(sample.patient().ins().matricule() + "^^^&1.2.250.1.213.1.4.10&ISO");
        assertThat(meta.referenceIds()).anySatisfy(r -> assertThat(r).startsWith(sample.booking().order().accessionNumber())
                .endsWith("urn:ihe:iti:xds:2013:accession"));
        assertThat(meta.referenceIds()).anySatisfy(r -> assertThat(r).startsWith(sample.booking().order().placerOrderNumber())
                .endsWith("urn:ihe:iti:xds:2013:order"));
        assertThat(meta.referenceIds()).contains(sample.booking().step().studyInstanceUid()
                + "^^^^urn:ihe:iti:xds:2016:studyInstanceUID");
        assertThat(meta.eventCodes()).extracting(c -> c.code()).containsExactly("CT", "67734004");
        assertThat(meta.typeCode().code()).isEqualTo("18748-4");
        assertThat(meta.practiceSettingCode().code()).isEqualTo("AMBULATOIRE");
        assertThat(meta.healthcareFacilityTypeCode().code()).isEqualTo("SA08");
        assertThat(meta.authorPerson()).startsWith("8" + SampleReport.RADIOLOGIST_RPPS + "^LAMBERT^Claire");
        assertThat(new String(n3.content(), StandardCharsets.UTF_8)).contains(meta.title());
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
