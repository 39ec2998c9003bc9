package fr.opaline.dmp.hl7v3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TD0.4's answer: success is DMPOK as the ANS kit's DMP services give it (issue 25); OK is still taken. */
class HabilitationsTest {

    @Test
    void dmpOkAndOkAreSuccessesAnythingElseIsNot() {
        assertThat(new Habilitations.Answer("DMPOK", "").ok()).isTrue();
        assertThat(new Habilitations.Answer("OK", "").ok()).isTrue();
        assertThat(new Habilitations.Answer("ERROR", "refus").ok()).isFalse();
        assertThat(new Habilitations.Answer(null, null).ok()).isFalse();
    }
}
