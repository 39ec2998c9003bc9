package fr.opaline.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A CCAM code is four letters then three digits, checked by the domain wherever an exam type is given one. */
class CcamCodeTest {

    @Test
    void aTypedCodeIsTrimmedAndUpperCased() {
        assertThat(CcamCode.of(" zbqk002 ").value()).isEqualTo("ZBQK002");
        assertThat(CcamCode.checkOptional("  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZBQK02", "ZBQK0022", "ZBQ1002", "ZBQK00A", "ZBQK002-1", "CT-THX", "ZBQK 002", "ÉBQK002"})
    void anythingElseIsRefusedInFrench(String wrong) {
        assertThatThrownBy(() -> CcamCode.of(wrong)).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("Code CCAM invalide").hasMessageContaining("4 lettres puis 3 chiffres");
    }

    @Test
    void theCatalogueRefusesAWrongCodeAndKeepsTheExam() throws Exception {
        try (var db = TestDatabases.h2()) {
            CoreFixture core = new CoreFixture(db.database());
            CatalogueService catalogue = new CatalogueService(db.database(), core.audit, core.ids);
            assertThatThrownBy(() -> catalogue.addExamType(AccountsFixture.ADMIN_PROCESS, "RX-THX", "Thorax",
                    Modality.DX, 10, "THORAX1")).hasMessageContaining("Code CCAM invalide « THORAX1 »");
            ExamType exam = catalogue.addExamType(AccountsFixture.ADMIN_PROCESS, "RX-THX", "Thorax", Modality.DX, 10,
                    "zbqk002");
            assertThat(exam.ccamCode()).isEqualTo("ZBQK002");
            assertThatThrownBy(() -> catalogue.updateExamType(AccountsFixture.ADMIN_PROCESS, exam.id(), "Thorax", 10,
                    "ZBQK0020")).hasMessageContaining("Code CCAM invalide");
            assertThat(catalogue.examTypes()).singleElement()
                    .satisfies(x -> assertThat(x.ccamCode()).isEqualTo("ZBQK002"));
        }
    }
}
