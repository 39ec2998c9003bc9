package fr.opaline.dmp.client;

import java.net.URI;

/**
 * The DMP's SOAP endpoints under its base address ({@code dmp.url}, e.g.
 * {@code https://…/si-dmp-server/v2/services}): patients (TD0.2), habilitations (TD0.4),
 * registry (ITI-18, ITI-57), repository (ITI-41, ITI-43).
 */
public record DmpEndpoints(URI base) {

    public URI patients() {
        return resolve("patients");
    }

    public URI habilitations() {
        return resolve("habilitations");
    }

    public URI registry() {
        return resolve("registry");
    }

    public URI repository() {
        return resolve("repository");
    }

    private URI resolve(String service) {
        String b = base.toString();
        return URI.create(b.endsWith("/") ? b + service : b + "/" + service);
    }
}
