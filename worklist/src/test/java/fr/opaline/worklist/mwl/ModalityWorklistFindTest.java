package fr.opaline.worklist.mwl;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.DicomCharset;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.data.Vr;
import fr.opaline.worklist.dimse.Dimse;
import fr.opaline.worklist.dimse.FindHandler;
import fr.opaline.worklist.testing.WorklistTestBed;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The query against core, on H2 and (when configured) PostgreSQL: SQL narrowing and exact matching agree. */
class ModalityWorklistFindTest {

    /** One practice per database kind, shared by the tests (they only read, and append to the audit trail). */
    static final Map<TestDatabases.Kind, WorklistTestBed> BEDS = new EnumMap<>(TestDatabases.Kind.class);

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    static synchronized WorklistTestBed bed(TestDatabases.Kind kind) {
        return BEDS.computeIfAbsent(kind, k -> new WorklistTestBed(TestDatabases.create(k)));
    }

    @AfterAll
    static void closeBeds() throws Exception {
        for (WorklistTestBed bed : BEDS.values()) {
            bed.close();
        }
        BEDS.clear();
    }

    static List<Attributes> find(WorklistTestBed bed, Attributes query) throws Exception {
        ModalityWorklistFind find = new ModalityWorklistFind(new WorklistRepository(bed.db.database(), CoreFixture.PARIS),
                new WorklistDataset(CoreFixture.PARIS, "Cabinet"), bed.fx.audit,
                new ModalityWorklistFind.Options(DicomCharset.ISO_IR_100, 100));
        FindHandler.Outcome outcome = find.find(new FindHandler.Request("CT_SALLE1", "OPALINE",
                new InetSocketAddress("127.0.0.1", 4242), query));
        assertThat(outcome.finalStatus()).isEqualTo(Dimse.SUCCESS);
        List<Attributes> answers = new ArrayList<>();
        outcome.matches().forEachRemaining(answers::add);
        return answers;
    }

    static List<String> names(List<Attributes> answers) {
        return answers.stream().map(a -> a.getString(Tags.PATIENT_NAME)).toList();
    }

    static Attributes key(int tag, Vr vr, String value) {
        return new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, "").setString(tag, vr, value);
    }

    static Attributes spsKey(int tag, Vr vr, String value) {
        Attributes query = new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, "");
        query.newSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(new Attributes().setString(tag, vr, value));
        return query;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void narrowingKeysGiveTheSameAnswersOnEveryDatabase(TestDatabases.Kind kind) throws Exception {
        WorklistTestBed bed = bed(kind);
        assertThat(names(find(bed, new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, "dup*"))))
                .containsExactly("DUPONT^JEAN", "DUPOND^JEANNE");
        assertThat(names(find(bed, new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, "Lefevre^*"))))
                .containsExactly("LEFÈVRE^Hélène");
        assertThat(names(find(bed, new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, "DUP%")))).isEmpty();
        assertThat(names(find(bed, key(Tags.PATIENT_ID, Vr.LO, bed.martin.ipp()))))
                .containsExactly("MARTIN^CLAIRE");
        assertThat(names(find(bed, key(Tags.ACCESSION_NUMBER, Vr.SH,
                bed.coeurUs.order().accessionNumber())))).containsExactly("COEUR^Zoé");
        assertThat(names(find(bed, key(Tags.STUDY_INSTANCE_UID, Vr.UI,
                bed.dupontCt.step().studyInstanceUid() + "\\" + bed.dupondCancelled.step().studyInstanceUid()))))
                .as("a cancelled step is not on the worklist").containsExactly("DUPONT^JEAN");
        assertThat(names(find(bed, spsKey(Tags.SCHEDULED_PROCEDURE_STEP_START_DATE, Vr.DA, "20260303"))))
                .containsExactly("DUPOND^JEANNE");
        assertThat(find(bed, spsKey(Tags.SCHEDULED_PROCEDURE_STEP_START_DATE, Vr.DA, "-20260302"))).hasSize(4);
        assertThat(names(find(bed, spsKey(Tags.SCHEDULED_STATION_AE_TITLE, Vr.AE, "AE_IRM1"))))
                .containsExactly("LEFÈVRE^Hélène");
        assertThat(names(find(bed, spsKey(Tags.SCHEDULED_PROCEDURE_STEP_STATUS, Vr.CS, "ARRIVED"))))
                .containsExactly("LEFÈVRE^Hélène");
        assertThat(names(find(bed, spsKey(Tags.SCHEDULED_PROCEDURE_STEP_ID, Vr.SH, bed.martinUs.step().stepId()))))
                .containsExactly("MARTIN^CLAIRE");
        assertThat(names(find(bed, key(Tags.REQUESTED_PROCEDURE_ID, Vr.SH,
                bed.dupondTuesday.procedure().procedureId())))).containsExactly("DUPOND^JEANNE");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theItemCarriesTheIdentityAndTheOrder(TestDatabases.Kind kind) throws Exception {
        WorklistTestBed bed = bed(kind);
        Attributes query = new Attributes();
        for (int tag : new int[] {Tags.PATIENT_NAME, Tags.OTHER_PATIENT_NAMES, Tags.PATIENT_BIRTH_NAME,
                Tags.REFERRING_PHYSICIAN_NAME}) {
            query.setString(tag, Vr.PN, "");
        }
        query.setString(Tags.ISSUER_OF_PATIENT_ID, Vr.LO, "");
        query.newSequence(Tags.ISSUER_OF_PATIENT_ID_QUALIFIERS_SEQUENCE);
        query.newSequence(Tags.OTHER_PATIENT_IDS_SEQUENCE);
        query.setString(Tags.PATIENT_SEX, Vr.CS, "");
        query.setString(Tags.REASON_FOR_THE_REQUESTED_PROCEDURE, Vr.LO, "");
        query.newSequence(Tags.REQUESTED_PROCEDURE_CODE_SEQUENCE);
        query.newSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(new Attributes()
                .setString(Tags.SCHEDULED_PROCEDURE_STEP_END_TIME, Vr.TM, "")
                .setString(Tags.SCHEDULED_STATION_NAME, Vr.SH, ""));
        List<Attributes> all = find(bed, query);
        Attributes dupont = all.get(0);
        assertThat(dupont.getString(Tags.ISSUER_OF_PATIENT_ID)).isEqualTo(CoreFixture.UID_ROOT + ".9");
        Attributes ippQualifier = dupont.getSequence(Tags.ISSUER_OF_PATIENT_ID_QUALIFIERS_SEQUENCE).get(0);
        assertThat(ippQualifier.getString(Tags.UNIVERSAL_ENTITY_ID)).isEqualTo(CoreFixture.UID_ROOT + ".9");
        assertThat(ippQualifier.getString(Tags.UNIVERSAL_ENTITY_ID_TYPE)).isEqualTo("ISO");
        assertThat(dupont.getSequence(Tags.OTHER_PATIENT_IDS_SEQUENCE)).hasSize(1);
        assertThat(dupont.getString(Tags.PATIENT_SEX)).isEqualTo("M");
        assertThat(dupont.getString(Tags.REASON_FOR_THE_REQUESTED_PROCEDURE)).isEqualTo("Douleur thoracique depuis 3 jours");
        Attributes code = dupont.getSequence(Tags.REQUESTED_PROCEDURE_CODE_SEQUENCE).get(0);
        assertThat(code.getString(Tags.CODE_VALUE)).isEqualTo("CT-THX");
        assertThat(code.getString(Tags.CODING_SCHEME_DESIGNATOR)).isEqualTo(WorklistDataset.EXAM_CODING_SCHEME);
        Attributes sps = dupont.getSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).get(0);
        assertThat(sps.getString(Tags.SCHEDULED_PROCEDURE_STEP_END_TIME)).isEqualTo("081500");
        assertThat(sps.getString(Tags.SCHEDULED_STATION_NAME)).isEqualTo("ST_CT1");
        assertThat(sps.size()).as("only the requested keys of the item").isEqualTo(2);

        Attributes lefevre = all.get(1);
        assertThat(lefevre.getString(Tags.PATIENT_NAME)).isEqualTo("LEFÈVRE^Hélène");
        assertThat(lefevre.getString(Tags.OTHER_PATIENT_NAMES)).isEqualTo("Lefèvre-Martin^Hélène");
        assertThat(lefevre.getString(Tags.PATIENT_BIRTH_NAME)).isEqualTo("LEFÈVRE");
        assertThat(lefevre.getSequence(Tags.OTHER_PATIENT_IDS_SEQUENCE)).isEmpty();
        assertThat(all.get(2).getSequence(Tags.OTHER_PATIENT_IDS_SEQUENCE)).as("récupérée: no INS").isEmpty();
        assertThat(all.get(0).getString(Tags.OTHER_PATIENT_NAMES)).as("no used name").isEmpty();
        Attributes coeur = all.get(3);
        assertThat(coeur.getString(Tags.PATIENT_NAME)).as("Œ spelled out in ISO_IR 100").isEqualTo("COEUR^Zoé");
        assertThat(coeur.getString(Tags.SPECIFIC_CHARACTER_SET)).isEqualTo("ISO_IR 100");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyQueryIsAudited(TestDatabases.Kind kind) throws Exception {
        WorklistTestBed bed = bed(kind);
        find(bed, new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, "MARTIN*"));
        AuditEvent event = bed.fx.audit.latest(1).get(0);
        assertThat(event.action()).isEqualTo(ModalityWorklistFind.AUDIT_ACTION);
        assertThat(event.actorLogin()).isEqualTo("system:dicom:CT_SALLE1");
        assertThat(event.patientId()).isEqualTo(bed.martin.id());
        assertThat(event.detail()).contains("1 élément(s)").contains(bed.martinUs.step().stepId());
        assertThat(bed.fx.audit.verify().intact()).isTrue();
    }
}
