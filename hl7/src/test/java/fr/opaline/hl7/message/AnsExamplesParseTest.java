package fr.opaline.hl7.message;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import fr.opaline.hl7.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every ANS example message of shared/fixtures/hl7 parses with HAPI, and its header reads. */
class AnsExamplesParseTest {

    @Test
    void everyAnsExampleParses() throws Exception {
        List<Path> messages = Fixtures.messages();
        assertThat(messages).as("ANS examples found").hasSizeGreaterThan(30);
        for (Path file : messages) {
            byte[] bytes = Files.readAllBytes(file);
            MshHeader header = MshHeader.read(bytes).orElseThrow();
            String text = new String(bytes, Hl7Charsets.forMsh18(header.charset()).orElse(StandardCharsets.UTF_8));
            Message m = Hl7Context.get().parse(text);
            Terser t = new Terser(m);
            assertThat(t.get("/MSH-10")).as(file.toString()).isEqualTo(header.controlId());
            assertThat(t.get("/MSH-9-1")).as(file.toString()).isEqualTo(header.messageType());
            // Encoding back keeps every segment, PRT (pre-adopted from v2.9) included.
            String again = Hl7Context.get().encode(m);
            assertThat(segmentNames(again)).as(file.toString()).isEqualTo(segmentNames(Hl7Context.normalise(text)));
        }
    }

    static List<String> segmentNames(String er7) {
        return java.util.Arrays.stream(er7.split("\r")).filter(s -> !s.isBlank()).map(s -> s.substring(0, 3)).toList();
    }
}
