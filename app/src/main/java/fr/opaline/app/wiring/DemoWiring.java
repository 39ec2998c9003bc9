package fr.opaline.app.wiring;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.sandbox.SandboxService;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code opaline demo}: the practice server and the desktop pointed, explicitly, at the sandboxes
 * it started (INSi, DRIMbox, DMP, MSSanté, Pro Santé Connect), in demonstration mode, the only
 * mode in which the server accepts a sandbox address (decision 0020).
 */
public final class DemoWiring {

    private DemoWiring() {
    }

    public static OpalineConfig pointedAtSandboxes(OpalineConfig config, List<SandboxService> sandboxes,
                                                   Path sandboxDirectory) {
        OpalineConfig pointed = DrimboxWiring.pointedAtSandbox(config, sandboxes);
        pointed = DmpWiring.pointedAtSandbox(pointed, sandboxes, sandboxDirectory);
        pointed = InsWiring.pointedAtSandbox(pointed, sandboxes);
        pointed = MssWiring.pointedAtSandbox(pointed, sandboxDirectory, sandboxes);
        pointed = PscWiring.pointedAtSandbox(pointed, sandboxes);
        return NationalServices.demoMode(pointed);
    }
}
