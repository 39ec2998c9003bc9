package fr.opaline.server.admin;

import fr.opaline.api.admin.ServiceSettings;
import fr.opaline.api.admin.ServiceSettings.Setting;
import fr.opaline.core.sandbox.SandboxAddresses;
import fr.opaline.core.settings.Settings;
import fr.opaline.dmp.DmpSettings;
import fr.opaline.drimboxbridge.DrimboxBridgeSettings;
import fr.opaline.hl7.Hl7Settings;
import fr.opaline.ins.insi.InsiSettings;
import fr.opaline.mss.MssSettings;
import fr.opaline.psc.PscSettings;
import fr.opaline.worklist.WorklistSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each service of the practice server as its module's settings record says it, for the
 * Administration screen (read only): the national services' state (an unset address switches the
 * service off, a sandbox's address is only accepted in demonstration mode), the worklist's, the
 * HL7 listener's and the DRIMbox's, and their main non-secret settings.
 *
 * @param worklist null when {@code worklist.enabled=false}
 */
public record ServicesOverview(DmpSettings dmp, Optional<InsiSettings> insi, PscSettings psc, MssSettings mss,
                               Hl7Settings hl7, WorklistSettings worklist, DrimboxBridgeSettings drimbox) {

    /**
     * Every module's settings read from {@code settings} (what the practice server reads at start).
     *
     * @param mssProductReference {@code X-MSS-NIL} when unset ("Opaline <version>")
     * @param institutionName     the practice's name, given to the modalities
     */
    public static ServicesOverview from(Settings settings, String mssProductReference, String institutionName) {
        return new ServicesOverview(DmpSettings.from(settings), InsiSettings.from(settings), PscSettings.from(settings),
                MssSettings.from(settings, mssProductReference), Hl7Settings.from(settings),
                WorklistSettings.enabled(settings) ? WorklistSettings.from(settings, institutionName) : null,
                DrimboxBridgeSettings.from(settings));
    }

    /** One line per service, national services first. */
    public List<ServiceSettings> services() {
        List<ServiceSettings> services = new ArrayList<>();
        services.add(service("DMP", SandboxAddresses.serviceState(dmp.enabled() ? dmp.url().toString() : null),
                dmp.shown()));
        services.add(insi.map(i -> service("INSi", SandboxAddresses.serviceState(i.endpoint().toString()), i.shown()))
                .orElseGet(() -> service("INSi", "désactivé", Map.of("insi.url", "non renseigné"))));
        services.add(service("Pro Santé Connect", SandboxAddresses.serviceState(psc.pscDiscovery()), psc.shown()));
        services.add(service("MSSanté", SandboxAddresses.serviceState(mss.configured() ? mss.smtp() : null),
                mss.shown()));
        services.add(service("Annuaire santé", SandboxAddresses.serviceState(mss.directoryUrl()),
                Map.of("mss.directory.url", mss.directoryUrl() == null ? "non renseigné" : mss.directoryUrl())));
        services.add(worklist == null
                ? service("Liste de travail DICOM", "désactivé", Map.of("worklist.enabled", "false"))
                : service("Liste de travail DICOM", "actif", worklist.shown()));
        services.add(service("HL7 (MLLP)", hl7.listener() != null ? "actif" : "désactivé", hl7.shown()));
        services.add(service("DRIMbox", drimbox.source() != null ? "configuré" : "non configuré", drimbox.shown()));
        return services;
    }

    private static ServiceSettings service(String name, String state, Map<String, String> shown) {
        return new ServiceSettings(name, state, shown.entrySet().stream()
                .map(e -> new Setting(e.getKey(), e.getValue())).toList());
    }
}
