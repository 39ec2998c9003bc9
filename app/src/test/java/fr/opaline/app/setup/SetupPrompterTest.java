package fr.opaline.app.setup;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.setup.SetupFields;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SetupPrompterTest {

    private final StringWriter screen = new StringWriter();

    private SetupPrompter prompter(String typed) {
        BufferedReader in = new BufferedReader(new StringReader(typed));
        return new SetupPrompter(in, new PrintWriter(screen, true), prompt -> {
            screen.write(prompt); // as Console.readPassword shows it, without echoing the answer
            return Optional.ofNullable(in.readLine());
        });
    }

    @Test
    void asksAgainUntilTheAnswerIsValidAndKeepsCurrentValuesOnEnter() throws Exception {
        var fields = SetupPrompter.fields(List.of(PracticeSettings.NAME, PracticeSettings.FINESS, SetupFields.WORKLIST_PORT));
        var answers = prompter("\n750712185\n750712184\n80\n").ask(fields,
                Map.of(PracticeSettings.NAME, "Cabinet du Parc")).orElseThrow();

        assertThat(answers).containsOnly(Map.entry(PracticeSettings.FINESS, "750712184"),
                Map.entry(SetupFields.WORKLIST_PORT, "80"));
        assertThat(screen.toString())
                .contains("== Identité du cabinet ==")
                .contains("Nom du cabinet [Cabinet du Parc] : ")
                .contains("la clé de contrôle (dernier chiffre) ne correspond pas")
                .contains("Recommencez")
                .contains("Attention : le port 80 est réservé au système");
    }

    @Test
    void secretsAreNeverShownAndEndOfInputAbandons() throws Exception {
        var fields = SetupPrompter.fields(List.of(SetupFields.ESTABLISHMENT_CERTIFICATE + SetupFields.PASSWORD,
                SetupFields.PSC_CLIENT_ID));
        Optional<Map<String, String>> abandoned = prompter("nouveau-secret\n").ask(fields,
                Map.of(SetupFields.ESTABLISHMENT_CERTIFICATE + SetupFields.PASSWORD, "ancien-secret"));
        assertThat(abandoned).isEmpty();
        assertThat(screen.toString()).contains("[inchangé]").doesNotContain("ancien-secret")
                .contains("rien n'a été enregistré");
    }
}
