package fr.opaline.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void controlCharactersAreEscapedSoNoLineCanBeForged() {
        assertThat(LogSafe.text("CT1\r\n12:00 INFO faux")).isEqualTo("CT1\\x0D\\x0A12:00 INFO faux");
        assertThat(LogSafe.text("\u001b[31mrouge\u007f")).isEqualTo("\\x1B[31mrouge\\x7F");
        assertThat(LogSafe.text("a\u2028b\u0085c")).isEqualTo("a\\u2028b\\x85c");
    }

    @Test
    void ordinaryTextIsKeptAndLongTextCut() {
        assertThat(LogSafe.text("Hélène Lefèvre-Martin")).isEqualTo("Hélène Lefèvre-Martin");
        assertThat(LogSafe.text(null)).isEmpty();
        assertThat(LogSafe.text("x".repeat(500))).hasSize(LogSafe.MAX_LENGTH + 1).endsWith("…");
    }
}
