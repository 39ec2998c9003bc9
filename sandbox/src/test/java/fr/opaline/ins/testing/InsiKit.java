package fr.opaline.ins.testing;

import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.ins.insi.InsiClient;
import fr.opaline.ins.insi.InsiLookupService;
import fr.opaline.ins.insi.InsiSettings;
import fr.opaline.sandbox.ins.InsiSandbox;
import fr.opaline.sandbox.ins.SandboxIdentities;
import fr.opaline.ins.status.IdentityStatusService;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

/** The sandbox INSi on loopback and the INS services wired on a core fixture, for tests. */
public final class InsiKit implements AutoCloseable {

    public final InsiSandbox sandbox;
    public final IdentityStatusService statuses;
    public final InsiClient client;
    public final InsiLookupService lookup;

    public InsiKit(CoreFixture f) throws IOException {
        this(f, null);
    }

    public InsiKit(CoreFixture f, Predicate<String> knownBirthplace) throws IOException {
        sandbox = new InsiSandbox(0, SandboxIdentities.builtIn(), f.clock);
        sandbox.start();
        statuses = new IdentityStatusService(f.database, f.patients, f.audit, f.ids, f.clock, new PracticeSettings(f.database));
        client = new InsiClient(InsiSettings.of(sandbox.endpoint(), Duration.ofSeconds(3)), f.clock);
        lookup = new InsiLookupService(client, f.database, f.patients, statuses, f.audit, f.clock, knownBirthplace);
    }

    @Override
    public void close() {
        sandbox.stop(Duration.ZERO);
    }
}
