package fr.opaline.worklist.mwl;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.order.StepStatus;
import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.data.Vr;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The database narrowing keeps a superset of the matches: only literal values narrow. */
class WorklistFilterTest {

    @Test
    void literalKeysNarrowWildcardsDoNot() {
        Attributes query = new Attributes();
        query.setString(Tags.PATIENT_NAME, Vr.PN, "lefèvre-mar*^H*");
        query.setString(Tags.PATIENT_ID, Vr.LO, "10*");
        query.setString(Tags.ACCESSION_NUMBER, Vr.SH, "A000000042");
        query.setString(Tags.STUDY_INSTANCE_UID, Vr.UI, "1.2.3\\1.2.4");
        query.newSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(new Attributes()
                .setString(Tags.MODALITY, Vr.CS, "CT\\MR")
                .setString(Tags.SCHEDULED_STATION_AE_TITLE, Vr.AE, "AE_*")
                .setString(Tags.SCHEDULED_PROCEDURE_STEP_START_DATE, Vr.DA, "20260302-")
                .setString(Tags.SCHEDULED_PROCEDURE_STEP_STATUS, Vr.CS, "ARRIVED"));
        WorklistFilter f = WorklistFilter.of(query);
        assertThat(f.birthNamePrefix()).isEqualTo("LEFEVRE MAR");
        assertThat(f.patientId()).isNull();
        assertThat(f.accessionNumber()).isEqualTo("A000000042");
        assertThat(f.studyInstanceUids()).containsExactlyInAnyOrder("1.2.3", "1.2.4");
        assertThat(f.modalities()).containsExactlyInAnyOrder("CT", "MR");
        assertThat(f.stationAeTitles()).isEmpty();
        assertThat(f.fromDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(f.toDate()).isNull();
        assertThat(f.statuses()).containsExactly(StepStatus.ARRIVED);
    }

    @Test
    void anEmptyQueryReadsTheWholeWorklist() {
        WorklistFilter f = WorklistFilter.of(new Attributes());
        assertThat(f.statuses()).isEqualTo(StepStatus.ON_WORKLIST);
        assertThat(f.birthNamePrefix()).isNull();
        assertThat(WorklistFilter.of(new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, "*")).birthNamePrefix()).isNull();
        assertThat(WorklistFilter.of(new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, "DUPONT^JEAN")).birthNamePrefix())
                .isEqualTo("DUPONT");
    }

    @Test
    void aStatusThatIsNeverOnTheWorklistSelectsNothing() {
        Attributes query = new Attributes();
        query.newSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(new Attributes()
                .setString(Tags.SCHEDULED_PROCEDURE_STEP_STATUS, Vr.CS, "STARTED"));
        assertThat(WorklistFilter.of(query).statuses()).isEqualTo(Set.of());
    }
}
