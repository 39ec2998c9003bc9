package fr.opaline.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxAddressesTest {

    @Test
    void loopbackAddressesAreTheSandboxes() {
        assertThat(SandboxAddresses.isSandbox("https://127.0.0.1:41234/si-dmp-server/v2/services")).isTrue();
        assertThat(SandboxAddresses.isSandbox("http://localhost:8080/lps")).isTrue();
        assertThat(SandboxAddresses.isSandbox("http://[::1]:8080/lps")).isTrue();
        assertThat(SandboxAddresses.isSandbox("127.0.0.1:2525")).isTrue();
        assertThat(SandboxAddresses.isSandbox("http://user@127.1.2.3/x")).isTrue();
    }

    @Test
    void theNationalServicesAreNot() {
        assertThat(SandboxAddresses.isSandbox("https://qualiflps.services-ps.ameli.fr/lps")).isFalse();
        assertThat(SandboxAddresses.isSandbox("https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet")).isFalse();
        assertThat(SandboxAddresses.isSandbox("smtp.mssante.fr:587")).isFalse();
        assertThat(SandboxAddresses.isSandbox("https://127x.example.fr/")).isFalse();
        assertThat(SandboxAddresses.isSandbox(null)).isFalse();
        assertThat(SandboxAddresses.isSandbox(" ")).isFalse();
    }
}
