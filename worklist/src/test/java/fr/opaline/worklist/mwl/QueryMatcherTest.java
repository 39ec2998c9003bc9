package fr.opaline.worklist.mwl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.Tag;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.data.Vr;
import org.junit.jupiter.api.Test;

/** PS3.4 C.2.2.2 matching, key by key. */
class QueryMatcherTest {

    static Attributes item() {
        Attributes a = new Attributes();
        a.setString(Tags.PATIENT_NAME, Vr.PN, "LEFÈVRE^Hélène");
        a.setString(Tags.PATIENT_ID, Vr.LO, "1000042");
        a.setString(Tags.PATIENT_BIRTH_DATE, Vr.DA, "19750601");
        a.setString(Tags.STUDY_INSTANCE_UID, Vr.UI, "1.2.3.1.42");
        a.setString(Tags.ACCESSION_NUMBER, Vr.SH, "A000000042");
        a.setString(Tags.REFERRING_PHYSICIAN_NAME, Vr.PN, "");
        for (String[] step : new String[][] {{"MR", "AE_IRM1", "20260302", "093000"}, {"CT", "AE_CT1", "20260303", "140000"}}) {
            Attributes sps = new Attributes();
            sps.setString(Tags.MODALITY, Vr.CS, step[0]);
            sps.setString(Tags.SCHEDULED_STATION_AE_TITLE, Vr.AE, step[1]);
            sps.setString(Tags.SCHEDULED_PROCEDURE_STEP_START_DATE, Vr.DA, step[2]);
            sps.setString(Tags.SCHEDULED_PROCEDURE_STEP_START_TIME, Vr.TM, step[3]);
            sps.setString(Tags.SCHEDULED_PERFORMING_PHYSICIAN_NAME, Vr.PN, "Dr Okafor");
            if (!a.contains(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE)) {
                a.newSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE);
            }
            a.getSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(sps);
        }
        return a;
    }

    static boolean matches(int tag, Vr vr, String key) {
        return QueryMatcher.compile(new Attributes().setString(tag, vr, key)).matches(item());
    }

    static boolean step(int tag, Vr vr, String key) {
        Attributes query = new Attributes();
        query.newSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(new Attributes().setString(tag, vr, key));
        return QueryMatcher.compile(query).matches(item());
    }

    @Test
    void universalMatching() {
        assertThat(matches(Tags.PATIENT_NAME, Vr.PN, "")).isTrue();
        assertThat(matches(Tags.PATIENT_NAME, Vr.PN, "*")).isTrue();
        assertThat(matches(Tags.REFERRING_PHYSICIAN_NAME, Vr.PN, "*")).as("lone * also matches an empty value").isTrue();
        assertThat(step(Tags.MODALITY, Vr.CS, "")).isTrue();
        Attributes emptyItem = new Attributes();
        emptyItem.newSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(new Attributes());
        assertThat(QueryMatcher.compile(emptyItem).isUniversal()).isTrue();
    }

    @Test
    void singleValueIsExactExceptPersonNamesWhichIgnoreCaseAndAccents() {
        assertThat(matches(Tags.PATIENT_ID, Vr.LO, "1000042")).isTrue();
        assertThat(matches(Tags.PATIENT_ID, Vr.LO, "100004")).isFalse();
        assertThat(matches(Tags.ACCESSION_NUMBER, Vr.SH, "a000000042")).isFalse();
        assertThat(matches(Tags.PATIENT_NAME, Vr.PN, "LEFEVRE^HELENE")).isTrue();
        assertThat(matches(Tags.PATIENT_NAME, Vr.PN, "lefèvre^hélène^^^")).isTrue();
        assertThat(matches(Tags.PATIENT_NAME, Vr.PN, "LEFEVRE")).isFalse();
        assertThat(matches(Tags.REFERRING_PHYSICIAN_NAME, Vr.PN, "X")).as("empty value never equals").isFalse();
    }

    @Test
    void wildcards() {
        assertThat(matches(Tags.PATIENT_NAME, Vr.PN, "LEF*")).isTrue();
        assertThat(matches(Tags.PATIENT_NAME, Vr.PN, "*^H?L?NE")).isTrue();
        assertThat(matches(Tags.PATIENT_NAME, Vr.PN, "?EF*^*")).isTrue();
        assertThat(matches(Tags.PATIENT_NAME, Vr.PN, "LEF?")).isFalse();
        assertThat(matches(Tags.ACCESSION_NUMBER, Vr.SH, "A*42")).isTrue();
        assertThat(matches(Tags.ACCESSION_NUMBER, Vr.SH, "A*43")).isFalse();
        assertThat(QueryMatcher.wildcard("*a*b*", "xxaxxbxx")).isTrue();
        assertThat(QueryMatcher.wildcard("a*b", "ab")).isTrue();
        assertThat(QueryMatcher.wildcard("a?b", "ab")).isFalse();
        assertThat(QueryMatcher.wildcard("**", "")).isTrue();
    }

    @Test
    void listOfUids() {
        assertThat(matches(Tags.STUDY_INSTANCE_UID, Vr.UI, "1.2.3.1.41\\1.2.3.1.42")).isTrue();
        assertThat(matches(Tags.STUDY_INSTANCE_UID, Vr.UI, "1.2.3.1.4*")).as("no wildcard in UIDs").isFalse();
    }

    @Test
    void dateAndTimeRanges() {
        assertThat(matches(Tags.PATIENT_BIRTH_DATE, Vr.DA, "19750601")).isTrue();
        assertThat(matches(Tags.PATIENT_BIRTH_DATE, Vr.DA, "19750101-19751231")).isTrue();
        assertThat(matches(Tags.PATIENT_BIRTH_DATE, Vr.DA, "-19750531")).isFalse();
        assertThat(matches(Tags.PATIENT_BIRTH_DATE, Vr.DA, "19750601-")).isTrue();
        assertThat(step(Tags.SCHEDULED_PROCEDURE_STEP_START_TIME, Vr.TM, "09-10")).isTrue();
        assertThat(step(Tags.SCHEDULED_PROCEDURE_STEP_START_TIME, Vr.TM, "0930")).as("0930 is 09:30:00–09:30:59").isTrue();
        assertThat(step(Tags.SCHEDULED_PROCEDURE_STEP_START_TIME, Vr.TM, "-0929")).isFalse();
        assertThat(step(Tags.SCHEDULED_PROCEDURE_STEP_START_TIME, Vr.TM, "1400-")).isTrue();
        assertThat(step(Tags.SCHEDULED_PROCEDURE_STEP_START_TIME, Vr.TM, "14:00:01-")).isFalse();
        assertThatThrownBy(() -> matches(Tags.PATIENT_BIRTH_DATE, Vr.DA, "1975-06-01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0010,0030)");
        assertThatThrownBy(() -> step(Tags.SCHEDULED_PROCEDURE_STEP_START_TIME, Vr.TM, "2500"))
                .hasMessageContaining("(0040,0003)");
    }

    @Test
    void sequenceMatchingNeedsOneItemMatchingEveryKeyOfTheQueryItem() {
        Attributes both = new Attributes();
        both.newSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(new Attributes()
                .setString(Tags.MODALITY, Vr.CS, "CT").setString(Tags.SCHEDULED_STATION_AE_TITLE, Vr.AE, "AE_CT1"));
        assertThat(QueryMatcher.compile(both).matches(item())).isTrue();
        Attributes crossed = new Attributes();
        crossed.newSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(new Attributes()
                .setString(Tags.MODALITY, Vr.CS, "CT").setString(Tags.SCHEDULED_STATION_AE_TITLE, Vr.AE, "AE_IRM1"));
        assertThat(QueryMatcher.compile(crossed).matches(item())).as("keys from two different items").isFalse();
        assertThat(step(Tags.SCHEDULED_PERFORMING_PHYSICIAN_NAME, Vr.PN, "dr oka*")).isTrue();
        assertThat(step(Tags.MODALITY, Vr.CS, "US\\CT")).isTrue();
    }

    @Test
    void keysTheItemDoesNotHaveAreIgnored() {
        assertThat(matches(Tag.of(0x0010, 0x4321), Vr.LO, "whatever")).isTrue();
    }
}
