package fr.opaline.app.sandbox;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.sandbox.SandboxService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stand-ins for the national services that {@code opaline sandbox} hosts. Each module adds
 * its own here (one line); ports come from {@code sandbox.<name>.port} (0 = any free port).
 */
public final class SandboxRegistry {

    private SandboxRegistry() {
    }

    public static List<SandboxService> create(OpalineConfig config, Path stateDirectory) {
        List<SandboxService> services = new ArrayList<>();
        services.add(fr.opaline.app.wiring.InsWiring.sandbox(config));
        services.add(fr.opaline.app.wiring.PscSandboxWiring.create(config, stateDirectory));
        services.add(fr.opaline.app.wiring.DrimboxWiring.sandbox(config));
        services.add(fr.opaline.app.wiring.DmpWiring.sandbox(config, stateDirectory));
        services.add(fr.opaline.app.wiring.MssWiring.sandbox(config, stateDirectory, List.copyOf(services)));
        return services;
    }
}
