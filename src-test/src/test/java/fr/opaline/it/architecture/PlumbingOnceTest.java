package fr.opaline.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import fr.opaline.core.archfixture.ClassThatParsesXmlItself;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plumbing is written once, in platform: the XML parser and transformer factories (with every
 * guard) and the TLS key and trust managers, the sandbox's throw-away PKI included (decision 0250).
 */
class PlumbingOnceTest {

    static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.opaline");
    }

    static ArchRule xmlFactoriesOnlyInPlatform() {
        return noClasses().that().resideOutsideOfPackage("fr.opaline.platform..")
                .should().callMethod(DocumentBuilderFactory.class, "newInstance")
                .orShould().callMethod(TransformerFactory.class, "newInstance")
                .orShould().callMethod(SAXParserFactory.class, "newInstance")
                .because("XML is parsed by platform's SecureXml only (no DOCTYPE, no external entity or DTD)");
    }

    static ArchRule tlsManagersOnlyInPlatform() {
        return noClasses().that().resideOutsideOfPackage("fr.opaline.platform..")
                .should().callMethod(KeyManagerFactory.class, "getInstance", String.class)
                .orShould().callMethod(TrustManagerFactory.class, "getInstance", String.class)
                .because("TLS contexts are built by platform's KeyStores");
    }

    @Test
    void xmlIsParsedByThePlatformOnly() {
        xmlFactoriesOnlyInPlatform().check(production);
    }

    @Test
    void tlsContextsAreBuiltByThePlatformOnly() {
        tlsManagersOnlyInPlatform().check(production);
    }

    @Test
    void theRulesCatchAViolation() {
        JavaClasses offending = new ClassFileImporter().importClasses(ClassThatParsesXmlItself.class);
        assertThatThrownBy(() -> xmlFactoriesOnlyInPlatform().check(offending)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("DocumentBuilderFactory.newInstance");
        assertThatThrownBy(() -> tlsManagersOnlyInPlatform().check(offending)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("KeyManagerFactory.getInstance");
    }
}
