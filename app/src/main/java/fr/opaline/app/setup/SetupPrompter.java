package fr.opaline.app.setup;

import fr.opaline.core.setup.SetupField;
import fr.opaline.core.setup.SetupFields;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the setup entries one by one on a terminal, checking each answer at once and asking
 * again until it is valid. An empty answer keeps the current value (or leaves an optional entry
 * unset). End of input (Ctrl-D) abandons the setup without saving anything.
 */
public final class SetupPrompter {

    /** Reads a secret without echo when a console is attached. */
    @FunctionalInterface
    public interface SecretReader {
        Optional<String> read(String prompt) throws IOException;
    }

    private final BufferedReader in;
    private final PrintWriter out;
    private final SecretReader secrets;

    public SetupPrompter(BufferedReader in, PrintWriter out, SecretReader secrets) {
        this.in = in;
        this.out = out;
        this.secrets = secrets;
    }

    /** Asks the given fields in order; empty when the user abandoned. */
    public Optional<Map<String, String>> ask(List<SetupField> fields, Map<String, String> current) throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        String section = null;
        for (SetupField field : fields) {
            if (!field.section().equals(section)) {
                section = field.section();
                out.println();
                out.println("== " + section + " ==");
            }
            Optional<String> answer = askOne(field, current.get(field.key()));
            if (answer == null) {
                out.println();
                out.println("Configuration abandonnée : rien n'a été enregistré.");
                out.flush();
                return Optional.empty();
            }
            answer.ifPresent(value -> answers.put(field.key(), value));
        }
        return Optional.of(answers);
    }

    /** One field: empty Optional to keep the current value, null when input ended. */
    Optional<String> askOne(SetupField field, String currentValue) throws IOException {
        while (true) {
            String shown = currentValue == null || currentValue.isBlank() ? ""
                    : " [" + (field.secret() ? "inchangé" : currentValue) + "]";
            String prompt = field.label() + shown + " : ";
            String line;
            if (field.secret()) {
                out.flush();
                Optional<String> secret = secrets.read(prompt);
                if (secret.isEmpty()) {
                    return null;
                }
                line = secret.get();
            } else {
                out.print(prompt);
                out.flush();
                line = in.readLine();
                if (line == null) {
                    return null;
                }
            }
            if (line.isBlank()) {
                return Optional.empty();
            }
            List<String> warnings = new ArrayList<>();
            try {
                String normalised = field.check().normalise(line, warnings);
                warnings.forEach(w -> out.println("  Attention : " + w));
                return Optional.of(normalised);
            } catch (IllegalArgumentException e) {
                out.println("  " + e.getMessage() + ". Recommencez (Entrée pour garder la valeur actuelle).");
            }
        }
    }

    /** The fields whose key is in {@code keys}, in setup order. */
    public static List<SetupField> fields(java.util.Collection<String> keys) {
        return SetupFields.ALL.stream().filter(f -> keys.contains(f.key())).toList();
    }
}
