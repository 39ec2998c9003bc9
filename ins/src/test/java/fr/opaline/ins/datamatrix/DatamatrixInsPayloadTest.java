package fr.opaline.ins.datamatrix;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatamatrixInsPayloadTest {

    @Test
    void payloadOfTheAnsExamplePatient() {
        String payload = DatamatrixInsPayload.of(new InsNumber("279035121518989", InsNumber.OID_TEST_NIR),
                IdentityTraits.of("PAT-TROIS", "DOMINIQUE", LocalDate.of(1979, 3, 28), Sex.F, "51215"));
        assertThat(payload).isEqualTo("IS010000000000000000000000S1279035121518989S21.2.250.1.213.1.4.10\u001D"
                + "S3DOMINIQUE\u001DS4PAT-TROIS\u001DS5FS628-03-1979S751215");
        assertThat(DatamatrixInsSymbol.encode(payload).getWidth()).isGreaterThan(20);
    }
}
