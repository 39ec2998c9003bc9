package fr.opaline.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.datamatrix.DatamatrixInsPayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The convocation and the label sheet rendered to PDF and read back: the text by PDFBox, the
 * Datamatrix INS by libdmtx's {@code dmtxread} on the page rasterised by {@code pdftoppm}
 * (Debian dmtx-utils and poppler-utils, installed by .ci/run).
 */
class PrintablesPdfTest {

    @TempDir
    Path dir;

    @Test
    void theConvocationSaysWhenWhereWhatAndThePreparation() throws Exception {
        Convocation c = new Convocation("Cabinet d'imagerie des Tilleuls", "12 rue des Lilas, 75011 Paris",
                "01 23 45 67 89", "DUPONT Élise", ZonedDateTime.of(2026, 12, 9, 14, 30, 0, 0, ZoneId.of("Europe/Paris")),
                "Scanner 1", "Scanner thoracique", "Venir à jeun depuis 6 heures.");
        String text = text(ConvocationPdfRenderer.render(c));
        assertThat(text).contains("Cabinet d'imagerie des Tilleuls", "12 rue des Lilas, 75011 Paris", "Tél. : 01 23 45 67 89",
                "Convocation", "Patient : DUPONT Élise", "Date et heure : 09/12/2026 14:30", "Salle : Scanner 1",
                "Examen : Scanner thoracique", "Préparation", "Venir à jeun depuis 6 heures.");
    }

    @Test
    void withoutPreparationNoPreparationSectionIsInvented() throws Exception {
        Convocation c = new Convocation("Cabinet", null, null, "MARTIN Paul",
                ZonedDateTime.of(2026, 1, 2, 8, 5, 0, 0, ZoneId.of("Europe/Paris")), "Radio", "Radio du thorax", "");
        String text = text(ConvocationPdfRenderer.render(c));
        assertThat(text).contains("Date et heure : 02/01/2026 08:05", "Examen : Radio du thorax").doesNotContain("Préparation");
    }

    @Test
    void labelsOfAQualifiedIdentityCarryTheInsAndADatamatrixThatDmtxreadDecodes() throws Exception {
        Patient p = patient(IdentityStatus.QUALIFIEE, new InsNumber("279035121518989", InsNumber.OID_TEST_NIR));
        byte[] pdf = PatientLabelsPdfRenderer.render(p);
        String text = text(pdf);
        assertThat(text).contains("MARTIN-DURAND Léa", "Nom de naissance : DURAND", "Né(e) le 15/03/1979", "IPP : 000123",
                "INS : 2 79 03 51 215 189 89 (NIR de test)");
        assertThat(text.split("IPP : 000123", -1)).hasSize(PatientLabelsPdfRenderer.COLUMNS * PatientLabelsPdfRenderer.ROWS + 1);

        Path file = dir.resolve("labels.pdf");
        Files.write(file, pdf);
        assertThat(run("pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", file.toString(), dir.resolve("page").toString()))
                .isNotNull();
        Path page;
        try (var files = Files.list(dir)) {
            page = files.filter(f -> f.getFileName().toString().startsWith("page")).findFirst().orElseThrow();
        }
        assertThat(run("dmtxread", "-N1", "-m", "60000", page.toString()))
                .isEqualTo(DatamatrixInsPayload.of(p.ins(), p.traits()));
    }

    @Test
    void labelsOfAnUnqualifiedIdentityShowNeitherInsNorDatamatrix() throws Exception {
        Patient p = patient(IdentityStatus.RECUPEREE, new InsNumber("279035121518989", InsNumber.OID_TEST_NIR));
        byte[] pdf = PatientLabelsPdfRenderer.render(p);
        assertThat(text(pdf)).contains("IPP : 000123").doesNotContain("INS :").doesNotContain("279");
        assertThat(PatientLabelsPdfRenderer.lines(p)).noneMatch(l -> l.startsWith("INS"));
    }

    private static Patient patient(IdentityStatus status, InsNumber ins) {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        return new Patient(UUID.randomUUID(), "000123", "1.2.250.1.999.1", IdentityTraits.of("DURAND", "LÉA MARIE",
                LocalDate.of(1979, 3, 15), Sex.F, "75111"), "MARTIN-DURAND", "Léa", ins, status, IdentityAttributes.NONE,
                "CNI", now, null, now, now, 0);
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(command[0] + " exit code").isZero();
        return out;
    }
}
