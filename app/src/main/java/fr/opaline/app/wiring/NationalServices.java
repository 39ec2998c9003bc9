package fr.opaline.app.wiring;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.sandbox.SandboxAddresses;
import fr.opaline.mss.MssSettings;
import fr.opaline.psc.PscSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national services the practice server talks to, as configured: each one is on (its address
 * is set) or off (it is not: the server never puts a sandbox in its place). A sandbox address
 * (decision 0020) is refused outside demonstration mode ({@value #MODE_KEY}={@value #DEMO}, which
 * {@code opaline demo} sets), so that a practice never sends a patient's data to a stand-in.
 */
public final class NationalServices {

    private static final Logger LOG = LoggerFactory.getLogger(NationalServices.class);
    /** {@code demo}: sandboxes allowed (set by {@code opaline demo}); anything else: a practice's server. */
    public static final String MODE_KEY = "server.mode";
    public static final String DEMO = "demo";

    /** One national service: its name, the key that sets its address, and that address (null: off). */
    public record Service(String name, String key, String address) {
        public boolean enabled() {
            return address != null && !address.isBlank();
        }

        public boolean sandbox() {
            return enabled() && SandboxAddresses.isSandbox(address);
        }

        /** "actif", "désactivé" or "bac à sable", as the health endpoint and the log say it. */
        public String state() {
            return SandboxAddresses.serviceState(address);
        }
    }

    private NationalServices() {
    }

    public static boolean demo(OpalineConfig config) {
        return DEMO.equals(config.get(MODE_KEY, "").strip().toLowerCase(Locale.ROOT));
    }

    /** The configuration for demonstration: sandboxes allowed. */
    public static OpalineConfig demoMode(OpalineConfig config) {
        return config.with(MODE_KEY, DEMO);
    }

    public static List<Service> of(OpalineConfig config) {
        MssSettings mss = MssWiring.settings(config);
        List<Service> services = new ArrayList<>();
        services.add(new Service("INSi", "insi.url", config.get("insi.url").orElse(null)));
        services.add(new Service("DMP", "dmp.url", config.get("dmp.url").orElse(null)));
        services.add(new Service("Pro Santé Connect", "psc.provider.psc.discovery", pscDiscovery(config)));
        services.add(new Service("MSSanté (SMTP)", "mss.smtp", mss.smtp()));
        services.add(new Service("MSSanté (IMAP)", "mss.imap", mss.imap()));
        services.add(new Service("Annuaire santé", "mss.directory.url", mss.directoryUrl()));
        return services;
    }

    /** The PSC discovery address, when Pro Santé Connect is among the providers (never the sandbox's by default). */
    private static String pscDiscovery(OpalineConfig config) {
        return PscSettings.from(config).pscDiscovery();
    }

    /**
     * Refuses a sandbox address outside demonstration mode, in French, naming each key; otherwise
     * says in the log which services are on and which are off.
     *
     * @throws ConfigException when a national service points at a sandbox outside demonstration mode
     */
    public static List<Service> checkAndLog(OpalineConfig config) {
        List<Service> services = of(config);
        boolean demo = demo(config);
        if (!demo) {
            List<String> sandboxes = services.stream().filter(Service::sandbox).map(s -> s.key() + " = " + s.address())
                    .toList();
            if (!sandboxes.isEmpty()) {
                throw new ConfigException("Adresse de bac à sable configurée hors mode démonstration : "
                        + String.join(", ", sandboxes) + ". Le serveur du cabinet ne parle jamais à un bac à sable : "
                        + "renseignez l'adresse du service national réel, ou retirez la clé pour désactiver ce service "
                        + "(« opaline demo » lance tout sur une machine avec les bacs à sable).");
            }
        }
        for (Service service : services) {
            if (!service.enabled()) {
                LOG.warn("{} désactivé : {} non renseigné", service.name(), service.key());
            } else if (service.sandbox()) {
                LOG.info("{} : bac à sable {} (mode démonstration)", service.name(), service.address());
            } else {
                LOG.info("{} : {}", service.name(), service.address());
            }
        }
        return services;
    }

    /** The services as the health endpoint shows them. */
    public static List<Map<String, Object>> health(OpalineConfig config) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Service service : of(config)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", service.name());
            item.put("key", service.key());
            item.put("state", service.state());
            item.put("address", service.address());
            out.add(item);
        }
        return out;
    }
}
