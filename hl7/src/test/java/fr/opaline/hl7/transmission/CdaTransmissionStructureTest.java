package fr.opaline.hl7.transmission;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import fr.opaline.core.common.MutableClock;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.SampleReport;
import fr.opaline.hl7.Fixtures;
import fr.opaline.hl7.message.Hl7Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ORU and MDM Opaline makes for a sample CR have, segment by segment, the structure of the
 * ANS examples of "Transmission de document(s) CDA en HL7v2" vague 2 (SC.CDA/HL7.01/02/04): same
 * segments in the same order, same request codes (ORC-1, OBX-11, MDM event), same PRT roles, same
 * metadata OBX in the same order with the same value types; the optional mail body is the only
 * difference allowed.
 */
class CdaTransmissionStructureTest {

    static final String V2 = "Vague 2/Trans_Doc-CDA-HL7V2/TRANSMISSION_DOCS_CDA_EN_HL7V2_V2.1/";
    static TestDatabases.TestDatabase db;
    static SampleReport.Result sample;
    static ReportTransmissions transmissions;

    @BeforeAll
    static void sample() {
        db = TestDatabases.h2();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:15:00Z"), ZoneId.of("Europe/Paris"));
        sample = SampleReport.create(db.database(), clock, new DrimboxLinkTemplate(
                "https://drimbox.exemple.fr/viewer?study={studyInstanceUid}", Duration.ofDays(365)));
        transmissions = new ReportTransmissions(sample.loader(), clock);
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    static DocumentTransmission transmission(DocumentAction action, List<Participant> recipients) {
        DocumentTransmission t = db.database().inTransaction(ctx ->
                transmissions.build(ctx, sample.version().id(), action == DocumentAction.REPLACE ? DocumentAction.INITIAL
                        : action, true, recipients));
        if (action != DocumentAction.INITIAL) {
            // As in the ANS examples: the version replaced or deleted is a second version.
            t = new DocumentTransmission(action, t.patient(), t.cda(), t.documentUid(), "1.2.3.4.replaced", t.typeCode(),
                    t.typeLabel(), t.documentTime(), t.authenticatorIdnps(), t.participants(), t.metadata(),
                    t.ippAuthorityName());
        }
        return t;
    }

    static final List<Participant> ORU_RECIPIENTS = List.of(
            Participant.mssanteRecipient("801234567897", "Hoda", "Adam", "adam.hoda@test-ci-sis.mssante.fr"),
            Participant.mssanteRecipient(null, null, null, "268047505612345@patient.mssante.fr"),
            Participant.replyTo("secretariat@cabinet.mssante.fr"));
    static final List<Participant> MDM_RECIPIENTS = List.of(
            Participant.mssanteRecipient("801234567897", "Hoda", "Adam", "adam.hoda@test-ci-sis.mssante.fr"));

    @Test
    void oruMatchesTheAnsExamples() throws Exception {
        check(CdaTransmissionMessages.oru(transmission(DocumentAction.INITIAL, ORU_RECIPIENTS), routing(), "C1", now()),
                V2 + "ORU/Transmission initiale ORU/message_ORU_CR_Bio_INIT_N3_SEGUR.hl7");
        check(CdaTransmissionMessages.oru(transmission(DocumentAction.REPLACE, ORU_RECIPIENTS), routing(), "C2", now()),
                V2 + "ORU/Remplacement ORU/message_ORU_CR_Bio_RPLC_N3_SEGUR.hl7");
        check(CdaTransmissionMessages.oru(transmission(DocumentAction.DELETE, ORU_RECIPIENTS), routing(), "C3", now()),
                V2 + "ORU/Suppression ORU/message_ORU_CR_Bio_DEL_N3_SEGUR.hl7");
    }

    @Test
    void mdmMatchesTheAnsExamples() throws Exception {
        check(CdaTransmissionMessages.mdm(transmission(DocumentAction.INITIAL, MDM_RECIPIENTS), routing(), "C4", now()),
                V2 + "MDM/Transmission initiale MDM/message_MDM_CR_Radio_INIT_N1_Base64.er7");
        check(CdaTransmissionMessages.mdm(transmission(DocumentAction.REPLACE, MDM_RECIPIENTS), routing(), "C5", now()),
                V2 + "MDM/Remplacement MDM/message_MDM_CR_Radio_RPLC_N1.er7");
        check(CdaTransmissionMessages.mdm(transmission(DocumentAction.DELETE, MDM_RECIPIENTS), routing(), "C6", now()),
                V2 + "MDM/Suppression MDM/message_MDM_CR_Radio_DEL_N1.er7");
    }

    @Test
    void theCdaTravelsIntactWithTheVihfData() throws Exception {
        DocumentTransmission t = transmission(DocumentAction.INITIAL, List.of());
        Message m = Hl7Context.get().parse(CdaTransmissionMessages.mdm(t, routing(), "C7", now()));
        Terser terser = new Terser(m);
        assertThat(Base64.getDecoder().decode(terser.get("/OBSERVATION(0)/OBX-5-5"))).isEqualTo(t.cda());
        assertThat(terser.get("/TXA-12-1")).isEqualTo(sample.version().documentUid());
        // SC.DMP/CONF.12: the professional (IDNPS) and the FINESS géographique of the structure.
        String prt = Hl7Context.get().encode(m).lines().flatMap(l -> java.util.Arrays.stream(l.split("\r")))
                .filter(s -> s.startsWith("PRT")).findFirst().orElseThrow();
        assertThat(prt).contains("SB^^participation").contains("8" + SampleReport.RADIOLOGIST_RPPS + "^Lambert^Claire")
                .contains("FINEG^^^690000001");
        assertThat(terser.get("/PID-3(0)-5")).isEqualTo("INS");
        assertThat(terser.get("/PID-3(0)-1")).isEqualTo(sample.patient().ins().matricule());
    }

    static MessageRouting routing() {
        return MessageRouting.of("Centre des Tilleuls", "DRIMBOX", "Centre des Tilleuls");
    }

    static Instant now() {
        return Instant.parse("2026-03-02T10:20:00Z");
    }

    static void check(String ours, String fixture) throws Exception {
        List<String> expected = structure(Fixtures.read(fixture));
        expected.removeIf(s -> s.contains("CORPSMAIL"));
        List<String> actual = structure(ours);
        assertThat(actual).as("structure of our message vs " + fixture).isEqualTo(expected);
    }

    /**
     * One line per segment: the name, and what decides its meaning — MSH-9/12/21, ORC-1, OBX-2,
     * OBX-3.1 (metadata) or OBX-5.2-4 and OBX-11 (document), PRT-4.1, TXA fields that must be there.
     */
    static List<String> structure(String er7) throws Exception {
        Message m = Hl7Context.get().parse(er7);
        List<String> out = new ArrayList<>();
        for (String seg : Hl7Context.get().encode(m).split("\r")) {
            String[] f = seg.split("\\|", -1);
            String name = f[0];
            out.add(switch (name) {
                case "MSH" -> "MSH " + f[8] + " v" + f[11] + " " + f[20].replace(" ", "");
                case "ORC" -> "ORC " + f[1];
                case "OBX" -> f[2].equals("ED") && !f[3].contains("MetaDMPMSS")
                        ? "OBX ED document " + f[5].split("\\^")[1].toUpperCase() + " " + f[5].split("\\^")[2] + " "
                        + f[5].split("\\^")[3] + " status " + f[11]
                        : "OBX " + f[2] + " " + f[3].split("\\^")[0] + " status " + f[11];
                case "PRT" -> "PRT " + f[4].split("\\^")[0];
                case "TXA" -> "TXA type " + f[2] + " " + f[3] + " uid " + !f[12].isEmpty() + " parent "
                        + (f.length > 13 && !f[13].isEmpty()) + " " + f[17];
                default -> name;
            });
        }
        return out;
    }
}
