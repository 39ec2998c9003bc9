package fr.opaline.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.testing.AccountsFixture;
import org.junit.jupiter.api.Test;

/** SC.SSI/IAM.83: local passwords are stored only as Argon2id hashes. */
class PasswordHasherTest {

    @Test
    void productionCostMakesAPhcArgon2idHashThatVerifies() {
        PasswordHasher hasher = PasswordHasher.standard();
        String hash = hasher.hash("Radiologie-2026!".toCharArray());

        assertThat(hash).startsWith("$argon2id$v=19$m=65536,t=3,p=1$").doesNotContain("Radiologie");
        assertThat(hasher.verify("Radiologie-2026!".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("radiologie-2026!".toCharArray(), hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void sameWordTwiceGivesTwoHashesBecauseOfTheSalt() {
        PasswordHasher hasher = new PasswordHasher(AccountsFixture.TEST_COST);
        String a = hasher.hash("Échographie#1".toCharArray());
        String b = hasher.hash("Échographie#1".toCharArray());

        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.verify("Échographie#1".toCharArray(), a)).isTrue();
        assertThat(hasher.verify("Échographie#1".toCharArray(), b)).isTrue();
    }

    @Test
    void weakerStoredCostAsksForARehashAndStillVerifies() {
        String weak = new PasswordHasher(AccountsFixture.TEST_COST).hash("Mammographie-42".toCharArray());
        PasswordHasher current = new PasswordHasher(new PasswordHasher.Cost(1024, 2, 1));

        assertThat(current.verify("Mammographie-42".toCharArray(), weak)).isTrue();
        assertThat(current.needsRehash(weak)).isTrue();
    }

    @Test
    void malformedOrForeignHashesNeverVerify() {
        PasswordHasher hasher = new PasswordHasher(AccountsFixture.TEST_COST);
        String good = hasher.hash("Scanner-2026!".toCharArray());

        assertThat(hasher.verify("Scanner-2026!".toCharArray(), null)).isFalse();
        assertThat(hasher.verify("Scanner-2026!".toCharArray(), "")).isFalse();
        assertThat(hasher.verify("Scanner-2026!".toCharArray(), good.replace("argon2id", "argon2i"))).isFalse();
        assertThat(hasher.verify("Scanner-2026!".toCharArray(), "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.verify("Scanner-2026!".toCharArray(), good.replace("m=256", "m=2"))).isFalse();
    }
}
