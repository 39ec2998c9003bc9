package fr.opaline.api;

import fr.opaline.core.user.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an operation, enforced by the server's dispatcher before the call (401 without a
 * valid session, 403 for a role not listed) and checked again by the domain services where they
 * already check. Every operation carries one, or {@link Public}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {

    /** The roles allowed; empty: every signed-in user. */
    Role[] roles() default {};

    /** Why the data is read or changed (audit and documentation), in French. */
    String purpose();
}
