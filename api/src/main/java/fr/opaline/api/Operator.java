package fr.opaline.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation for the operator commands ({@code opaline users …}, {@code audit verify},
 * {@code db backup}) run on the server's own machine while it runs: no user session, but the
 * operator credential the server writes at start ({@code secrets/operator.token}, mode 0600),
 * presented as bearer, and only from a loopback address (decision 0310). Audited as done by
 * "opérateur".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Operator {

    /** What the operator does (audit and documentation), in French. */
    String purpose();
}
