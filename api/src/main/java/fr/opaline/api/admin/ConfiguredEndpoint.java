package fr.opaline.api.admin;

import java.util.Objects;

/**
 * A configured address of an external service, as the server's configuration says it.
 *
 * @param service the service as the administrator names it ("DMP", "INSi", "MSSanté SMTP"…)
 * @param key     the configuration key it comes from
 * @param address the configured value; null when not configured
 * @param state   "actif", "désactivé" or "bac à sable" for a national service (decision 0020: a national
 *                service without its address is switched off); "configuré" or "non configuré" otherwise
 */
public record ConfiguredEndpoint(String service, String key, String address, String state) {
    public ConfiguredEndpoint {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(key, "key");
        if (state == null) {
            state = address == null || address.isBlank() ? "non configuré" : "configuré";
        }
    }
}
