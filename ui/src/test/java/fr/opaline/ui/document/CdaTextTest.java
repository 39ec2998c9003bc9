package fr.opaline.ui.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.documents.cda.CdaReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CdaTextTest {

    @Test
    void headingsParagraphsListsAndEntitiesBecomeReadableText() {
        String html = "<html><head><title>x</title></head><body><h1>Compte rendu</h1><p>Patient : PAT-TROIS</p>"
                + "<section><h2>R&eacute;sultat</h2><div><p>Pas d&#8217;anomalie &amp; rien &lt;d&apos;autre&gt;</p>"
                + "<ul><li>un</li><li>deux</li></ul><table><tr><td>a</td><td>b</td></tr></table></div></section></body></html>";
        assertThat(CdaText.fromHtml(html)).isEqualTo("Compte rendu\nPatient : PAT-TROIS\n\nRésultat\n"
                + "Pas d’anomalie & rien <d'autre>\n– un\n– deux\na\tb");
    }

    @Test
    void theAnsExampleCdaIsShownThroughTheDocumentsStylesheet() throws Exception {
        Path fixtures = Path.of(System.getProperty("opaline.shared"), "fixtures");
        Path example;
        try (Stream<Path> files = Files.walk(fixtures)) {
            example = files.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("structuredBody");
                        } catch (Exception e) {
                            return false;
                        }
                    }).findFirst().orElseThrow();
        }
        String text = CdaText.fromHtml(new CdaReader().read(example).html(null));
        assertThat(text).doesNotContain("<", "&eacute;").contains("Auteur");
    }
}
