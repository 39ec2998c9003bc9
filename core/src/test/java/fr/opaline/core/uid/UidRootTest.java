package fr.opaline.core.uid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UidRootTest {

    @Test
    void acceptsValidRootsAndBuildsChildren() {
        assertThat(new UidRoot("1.2.250.1.999").child(1, 42)).isEqualTo("1.2.250.1.999.1.42");
    }

    @Test
    void refusesLeadingZerosLettersAndOverlongRoots() {
        assertThatThrownBy(() -> new UidRoot("1.02.3")).hasMessageContaining("invalide");
        assertThatThrownBy(() -> new UidRoot("1.2.a")).hasMessageContaining("invalide");
        assertThatThrownBy(() -> new UidRoot("1.2.")).hasMessageContaining("invalide");
        assertThatThrownBy(() -> new UidRoot("1." + "1".repeat(60))).hasMessageContaining("trop longue");
    }

    @Test
    void uuidDerivedRootLeavesRoomForSuffixes() {
        UidRoot root = UidRoot.fromUuid(new UUID(-1L, -1L));
        assertThat(root.value()).startsWith("2.25.");
        assertThat(root.child(UidGenerator.ARC_STUDY, 999_999_999_999L).length()).isLessThanOrEqualTo(64);
    }
}
