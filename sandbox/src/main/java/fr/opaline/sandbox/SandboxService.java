package fr.opaline.sandbox;

import fr.opaline.core.lifecycle.ManagedService;
import java.net.URI;
import java.util.Map;

/**
 * A stand-in for a national service in {@code opaline sandbox} (INSi, PSC, DMP, MSSanté,
 * DRIMbox). It speaks the real wire protocol on loopback, so that the production adapter is
 * the same code; only endpoints and credentials differ.
 */
public interface SandboxService extends ManagedService {

    /** Endpoints it listens on once started, by name (e.g. "soap", "smtp", "imap"). */
    Map<String, URI> endpoints();

    /**
     * What it has received and holds, for the read-only JSON inspection endpoint. Must be
     * serialisable by Jackson.
     */
    Object inspect();
}
