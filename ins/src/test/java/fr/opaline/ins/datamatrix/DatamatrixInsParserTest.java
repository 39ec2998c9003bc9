package fr.opaline.ins.datamatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.ins.InsRuleException;
import org.junit.jupiter.api.Test;

class DatamatrixInsParserTest {

    static final String PAYLOAD = "IS010000000000000000000000S1279035121518989S21.2.250.1.213.1.4.10\u001D"
            + "S3DOMINIQUE\u001DS4PAT-TROIS\u001DS5FS628-03-1979S751215";

    @Test
    void readsThePayloadIntoASearch() {
        ScannedIns s = DatamatrixInsParser.parse(PAYLOAD);
        assertThat(s.searchByIns().insMatricule()).isEqualTo("279035121518989");
        assertThat(s.searchByTraits().namePrefix()).isEqualTo("PAT-TROIS");
        assertThat(s.searchByTraits().birthDate()).hasToString("1979-03-28");
    }

    @Test
    void refusesWhatIsNotAValidDatamatrixIns() {
        assertThatThrownBy(() -> DatamatrixInsParser.parse("hello")).isInstanceOf(InsRuleException.class)
                .hasMessageContaining("n'est pas un Datamatrix INS");
        assertThatThrownBy(() -> DatamatrixInsParser.parse(PAYLOAD.replace("S1279035121518989", "S1279035121518988")))
                .hasMessageContaining("Clé de contrôle incorrecte");
        assertThatThrownBy(() -> DatamatrixInsParser.parse(PAYLOAD.substring(0, 60))).hasMessageContaining("tronqué");
        assertThatThrownBy(() -> DatamatrixInsParser.parse(PAYLOAD.replace("28-03-1979", "31-02-1979")))
                .hasMessageContaining("date de naissance");
        assertThatThrownBy(() -> DatamatrixInsParser.parse(PAYLOAD + "XX")).hasMessageContaining("inattendu");
        assertThatThrownBy(() -> DatamatrixInsParser.parse("")).hasMessageContaining("vide");
    }
}
