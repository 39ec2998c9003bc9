package fr.opaline.dmp.consent;

import fr.opaline.dmp.vihf.VihfSubject;
import java.time.Instant;
import java.util.UUID;

/** Permits for wire-level tests of the client, where no database holds a consent. */
public final class TestPermits {

    private TestPermits() {
    }

    public static ConsultationPermit of(VihfSubject subject) {
        return new ConsultationPermit(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, subject,
                Instant.now());
    }
}
