package fr.opaline.core.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/** Produces primary keys. Time-ordered (UUID version 7) so that b-tree inserts stay local. */
public interface IdGenerator {

    UUID newId();

    static IdGenerator timeOrdered(Clock clock) {
        SecureRandom random = new SecureRandom();
        return () -> version7(clock.millis(), random);
    }

    /** Reproducible ids for seeded fictitious data: same seed, same ids. */
    static IdGenerator seeded(long seed, Clock clock) {
        Random random = new Random(seed);
        return () -> version7(clock.millis(), random);
    }

    private static UUID version7(long epochMillis, Random random) {
        long msb = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
