package fr.opaline.worklist.interop;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.worklist.testing.Dcmtk;
import fr.opaline.worklist.testing.FindScu;
import fr.opaline.worklist.testing.FindScu.Response;
import fr.opaline.worklist.testing.WorklistTestBed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worklist as DCMTK's echoscu and findscu -W see it (RIS.INS/va2.02): a peer nobody here
 * wrote, querying the SCP over a real worklist made by core's booking service.
 */
class DcmtkWorklistTest {

    static WorklistTestBed bed;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        bed = new WorklistTestBed();
        bed.start();
    }

    @AfterAll
    static void stop() throws Exception {
        bed.close();
    }

    private FindScu.Result find(String... options) {
        return find(null, options);
    }

    private FindScu.Result find(Path queryFile, String... options) {
        FindScu.Result result = FindScu.run(dir, bed.port(), queryFile, options);
        assertThat(result.exit()).as(result.console()).isZero();
        return result;
    }

    @Test
    void echoscuGetsSuccess() {
        Dcmtk.Run run = Dcmtk.run(dir, "echoscu", "-v", "-aec", WorklistTestBed.AE, "127.0.0.1", String.valueOf(bed.port()));
        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.all()).contains("Received Echo Response (Success)");
    }

    @Test
    void wildcardOnPatientNameIsCaseAndAccentInsensitive() {
        assertThat(find("-k", "0010,0010=DUP*").names()).containsExactly("DUPONT^JEAN", "DUPOND^JEANNE");
        assertThat(find("-k", "0010,0010=?UPONT*").names()).containsExactly("DUPONT^JEAN");
        assertThat(find("-k", "0010,0010=dupon?^J*").names()).containsExactly("DUPONT^JEAN", "DUPOND^JEANNE");
        assertThat(find("-k", "0010,0010=*EVRE*").names()).containsExactly("LEFÈVRE^Hélène");
        assertThat(find("-k", "0010,0010=DUPONT^JEAN").names()).containsExactly("DUPONT^JEAN");
        assertThat(find("-k", "0010,0010=DUPONT").responses()).isEmpty();
    }

    @Test
    void cancelledStepsAreNotOnTheWorklistAndArrivedOnesAre() {
        FindScu.Result all = find("-k", "0010,0010", "-k", "0040,0100[0].0040,0020");
        assertThat(all.names()).containsExactly("DUPONT^JEAN", "LEFÈVRE^Hélène", "MARTIN^CLAIRE", "COEUR^Zoé",
                "DUPOND^JEANNE");
        assertThat(all.responses().get(1).nested("0040,0020")).contains("ARRIVED");
        assertThat(all.responses().get(0).nested("0040,0020")).contains("SCHEDULED");
    }

    @Test
    void dateRangesOnTheScheduledProcedureStepStart() {
        assertThat(find("-k", "0010,0010", "-k", "0040,0100[0].0040,0002=20260302").responses()).hasSize(4);
        assertThat(find("-k", "0010,0010", "-k", "0040,0100[0].0040,0002=20260303").names())
                .containsExactly("DUPOND^JEANNE");
        assertThat(find("-k", "0010,0010", "-k", "0040,0100[0].0040,0002=20260302-20260303").responses()).hasSize(5);
        assertThat(find("-k", "0010,0010", "-k", "0040,0100[0].0040,0002=-20260302").responses()).hasSize(4);
        assertThat(find("-k", "0010,0010", "-k", "0040,0100[0].0040,0002=20260303-").responses()).hasSize(1);
        assertThat(find("-k", "0010,0010", "-k", "0040,0100[0].0040,0002=20260304-").responses()).isEmpty();
        FindScu.Result morning = find("-k", "0010,0010", "-k", "0040,0100[0].0040,0002=20260302",
                "-k", "0040,0100[0].0040,0003=0900-1030");
        assertThat(morning.names()).containsExactly("LEFÈVRE^Hélène", "MARTIN^CLAIRE");
        assertThat(morning.responses().get(0).nested("0040,0003")).contains("093000");
    }

    @Test
    void modalityFilterInsideTheSequence() {
        FindScu.Result us = find("-k", "0010,0010", "-k", "0040,0100[0].0008,0060=US");
        assertThat(us.names()).containsExactly("MARTIN^CLAIRE", "COEUR^Zoé");
        assertThat(us.responses()).allSatisfy(r -> assertThat(r.nested("0008,0060")).contains("US"));
        assertThat(find("-k", "0010,0010", "-k", "0040,0100[0].0008,0060=MR").names()).containsExactly("LEFÈVRE^Hélène");
        assertThat(find("-k", "0010,0010", "-k", "0040,0100[0].0008,0060=NM").responses()).isEmpty();
    }

    @Test
    void stationAeTitleFilter() {
        FindScu.Result ct = find("-k", "0010,0010", "-k", "0040,0100[0].0040,0001=AE_CT1");
        assertThat(ct.names()).containsExactly("DUPONT^JEAN", "DUPOND^JEANNE");
        assertThat(ct.responses()).allSatisfy(r -> assertThat(r.nested("0040,0001")).contains("AE_CT1"));
        FindScu.Result echoToday = find("-k", "0010,0010", "-k", "0040,0100[0].0040,0001=AE_ECHO*",
                "-k", "0040,0100[0].0040,0002=20260302");
        assertThat(echoToday.names()).containsExactly("MARTIN^CLAIRE", "COEUR^Zoé");
        assertThat(find("-k", "0010,0010", "-k", "0040,0100[0].0040,0001=ae_ct1").responses()).isEmpty();
    }

    @Test
    void accentsArriveIntactInIsoIr100() {
        Path query = FindScu.queryFile(dir, "latin1", """
                (0008,0005) CS [ISO_IR 100]
                (0008,0090) PN []
                (0010,0010) PN [LEFÈVRE*]
                (0010,1001) PN []
                (0032,1060) LO []
                """, StandardCharsets.ISO_8859_1);
        FindScu.Result result = find(query);
        assertThat(result.responses()).hasSize(1);
        Response r = result.responses().get(0);
        assertThat(r.declaredCharset()).isEqualTo("ISO_IR 100");
        assertThat(r.name()).isEqualTo("LEFÈVRE^Hélène");
        assertThat(r.value("0010,1001")).contains("Lefèvre-Martin^Hélène");
        assertThat(r.value("0008,0090")).contains("Dr François Lemaître");
        assertThat(r.value("0032,1060")).contains("IRM du genou");

        Path all = FindScu.queryFile(dir, "latin1-all", """
                (0008,0005) CS [ISO_IR 100]
                (0010,0010) PN [*]
                (0040,0100) SQ (Sequence)
                (fffe,e000) na (Item)
                (0040,0001) AE [AE_ECHO1]
                (fffe,e00d) na (ItemDelimitationItem)
                (fffe,e0dd) na (SequenceDelimitationItem)
                """, StandardCharsets.ISO_8859_1);
        // Œ is not in Latin-1: spelled out rather than lost
        assertThat(find(all).names()).containsExactly("MARTIN^CLAIRE", "COEUR^Zoé");
    }

    @Test
    void accentsArriveIntactInIsoIr192() {
        Path query = FindScu.queryFile(dir, "utf8", """
                (0008,0005) CS [ISO_IR 192]
                (0008,0090) PN []
                (0010,0010) PN [*ŒUR*]
                (0032,1060) LO []
                (0040,0100) SQ (Sequence)
                (fffe,e000) na (Item)
                (0040,0011) SH []
                (fffe,e00d) na (ItemDelimitationItem)
                (fffe,e0dd) na (SequenceDelimitationItem)
                """, StandardCharsets.UTF_8);
        FindScu.Result result = find(query);
        assertThat(result.responses()).hasSize(1);
        Response r = result.responses().get(0);
        assertThat(r.declaredCharset()).isEqualTo("ISO_IR 192");
        assertThat(r.name()).isEqualTo("CŒUR^Zoé");
        assertThat(r.value("0032,1060")).contains("Échographie abdominale");
        assertThat(r.nested("0040,0011")).contains("Échographie");

        Path lefevre = FindScu.queryFile(dir, "utf8-lefevre", """
                (0008,0005) CS [ISO_IR 192]
                (0008,0090) PN []
                (0010,0010) PN [LEFÈVRE^HÉLÈNE]
                """, StandardCharsets.UTF_8);
        Response l = find(lefevre).responses().get(0);
        assertThat(l.name()).isEqualTo("LEFÈVRE^Hélène");
        assertThat(l.value("0008,0090")).contains("Dr François Lemaître");
    }

    @Test
    void aQueryWithoutCharacterSetGetsTheConfiguredOneStatedWhenNeeded() {
        Response accented = find("-k", "0010,0010=LEFEVRE*").responses().get(0);
        assertThat(accented.declaredCharset()).isEqualTo("ISO_IR 100");
        assertThat(accented.name()).isEqualTo("LEFÈVRE^Hélène");
        Response plain = find("-k", "0010,0010=MARTIN*").responses().get(0);
        assertThat(plain.declaredCharset()).isEmpty();
    }

    @Test
    void insInOtherPatientIdsOnlyForQualifiedIdentities() {
        FindScu.Result result = find("-k", "0010,0010", "-k", "0010,0020", "-k", "0010,0021", "-k", "0010,1002");
        Response dupont = result.responses().get(0);
        assertThat(dupont.name()).isEqualTo("DUPONT^JEAN");
        assertThat(dupont.value("0010,0020")).contains(bed.dupont.ipp());
        assertThat(dupont.value("0010,0021")).contains(bed.dupont.ippIssuer());
        assertThat(dupont.dump()).containsPattern("\\(0010,1002\\) SQ \\(Sequence with .* #=1\\)");
        assertThat(dupont.nested("0010,0020").orElseThrow()).isEqualTo(bed.dupont.ipp());
        assertThat(dupont.dump()).containsPattern("\\(0010,0020\\) LO \\[" + WorklistTestBed.INS_DUPONT)
                .contains("(0040,0032) UT [" + InsNumber.OID_TEST_NIR + "]")
                .containsPattern("\\(0040,0033\\) CS \\[ISO")
                .contains("(0010,0021) LO [ASIP-SANTE-INS-NIR]");
        Response martin = result.responses().get(2);
        assertThat(martin.name()).isEqualTo("MARTIN^CLAIRE");
        assertThat(martin.dump()).as("INS récupérée, not qualified: not sent")
                .containsPattern("\\(0010,1002\\) SQ \\(Sequence with .* #=0\\)")
                .doesNotContain(WorklistTestBed.INS_MARTIN);
        for (int i = 1; i < 5; i++) {
            assertThat(result.responses().get(i).dump()).containsPattern("\\(0010,1002\\) SQ \\(Sequence with .* #=0\\)");
        }
    }

    @Test
    void returnKeysCarryTheValuesOfCore() {
        FindScu.Result result = find("-k", "0010,0010=DUPONT*", "-k", "0008,0050", "-k", "0008,0090", "-k", "0010,0030",
                "-k", "0010,0040", "-k", "0020,000D", "-k", "0032,1060", "-k", "0040,1001", "-k", "0040,2016",
                "-k", "0040,0100[0].0040,0001", "-k", "0040,0100[0].0040,0002", "-k", "0040,0100[0].0040,0003",
                "-k", "0040,0100[0].0008,0060", "-k", "0040,0100[0].0040,0007", "-k", "0040,0100[0].0040,0009",
                "-k", "0040,0100[0].0040,0006", "-k", "0010,4321");
        assertThat(result.responses()).hasSize(1);
        Response r = result.responses().get(0);
        var order = bed.dupontCt;
        assertThat(r.value("0008,0050")).contains(order.order().accessionNumber());
        assertThat(r.value("0008,0090")).contains("Dr Hélène Duclos");
        assertThat(r.value("0010,0030")).contains("19800215");
        assertThat(r.value("0010,0040")).contains("M");
        assertThat(r.value("0020,000d")).contains(order.step().studyInstanceUid());
        assertThat(order.step().studyInstanceUid()).startsWith(CoreFixture.UID_ROOT + ".1.");
        assertThat(r.value("0032,1060")).contains("Scanner thoracique");
        assertThat(r.value("0040,1001")).contains(order.procedure().procedureId());
        assertThat(r.value("0040,2016")).contains(order.order().placerOrderNumber());
        assertThat(r.nested("0040,0001")).contains("AE_CT1");
        assertThat(r.nested("0040,0002")).contains("20260302");
        assertThat(r.nested("0040,0003")).contains("080000");
        assertThat(r.nested("0008,0060")).contains("CT");
        assertThat(r.nested("0040,0007")).contains("Scanner thoracique");
        assertThat(r.nested("0040,0009")).contains(order.step().stepId());
        assertThat(r.nested("0040,0006")).contains("");
        assertThat(r.value("0010,4321")).as("unknown key not answered").isEmpty();
        assertThat(result.console()).contains("Pending: Warning");
    }

    @Test
    void implicitVrLittleEndianAlone() {
        assertThat(find("-xi", "-k", "0010,0010=MARTIN*", "-k", "0040,0100[0].0008,0060").names())
                .containsExactly("MARTIN^CLAIRE");
    }

    /**
     * findscu sends C-CANCEL after the first response; with five items the SCP has usually sent
     * them all by then, and a late cancel is ignored (PS3.4 C.4.1.2.3). Either way the query
     * must end with a final response and a clean release. The cancel itself is proven
     * deterministically in {@code CancelTest}.
     */
    @Test
    void aCancelFromFindscuEndsTheQueryCleanly() {
        FindScu.Result result = find("--cancel", "1", "-k", "0010,0010");
        assertThat(result.console()).containsPattern("Received Final Find Response \\((Cancel|Success)")
                .contains("Releasing Association").doesNotContain("Abort");
        if (result.console().contains("Final Find Response (Cancel")) {
            assertThat(result.responses()).hasSizeLessThan(5);
        } else {
            assertThat(result.responses()).hasSize(5);
        }
    }

    @Test
    void anotherInformationModelIsRefusedDuringNegotiation() {
        FindScu.Result result = FindScu.run(dir, bed.port(), "-P", "-k", "0008,0052=PATIENT", "-k", "0010,0010");
        assertThat(result.exit()).isNotZero();
        assertThat(result.console()).containsIgnoringCase("No Acceptable Presentation Contexts");
    }

    @Test
    void aWrongCalledAeTitleIsRejected() {
        Dcmtk.Run run = Dcmtk.run(dir, "echoscu", "-v", "-aec", "SOMEONE_ELSE", "127.0.0.1", String.valueOf(bed.port()));
        assertThat(run.exit()).isNotZero();
        assertThat(run.all()).containsIgnoringCase("Called AE Title Not Recognized");
    }
}
