package fr.opaline.ui.session;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A Pro Santé Connect CIBA request in progress (SC.PSC.13): the practice server has sent the
 * backchannel request; the professional approves on their phone (e-CPS) after checking that it
 * shows the same binding message as the workstation.
 */
public interface PscCibaSession {

    /** The short text shown on both screens. */
    String bindingMessage();

    /** When the request expires ({@code expires_in}). */
    Instant expiresAt();

    /**
     * Blocks until the professional approves, refuses, or the request expires. Polling honours
     * {@code interval} and {@code slow_down}; each state change is reported in French to
     * {@code status} (e.g. "En attente de validation sur l’application e-CPS…").
     *
     * @throws AuthenticationException on {@code access_denied}, {@code expired_token} or an error
     * @throws InterruptedException    when the user cancelled (the thread is interrupted)
     */
    AuthenticatedUser await(Consumer<String> status) throws AuthenticationException, InterruptedException;

    /** Stops polling and forgets the request. */
    void cancel();
}
