package fr.opaline.server;

import fr.opaline.api.Access;
import fr.opaline.api.Operator;
import fr.opaline.api.Public;
import fr.opaline.core.user.Role;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Set;

/**
 * One operation of the API as the dispatcher serves it: its area and name, the interface method,
 * whether it needs a session, and the roles it admits (all when empty). An operator operation
 * ({@link Operator}) needs no session but the operator credential, from loopback.
 */
public record Operation(String area, String name, Method method, boolean publicCall, Set<Role> roles, String purpose,
                        boolean operatorCall) {

    static Operation of(String area, Method method) {
        Access access = method.getAnnotation(Access.class);
        boolean open = method.isAnnotationPresent(Public.class);
        Operator operator = method.getAnnotation(Operator.class);
        if (operator != null) {
            if (access != null || open) {
                throw new IllegalStateException(method + " : @Operator exclut @Access et @Public");
            }
            return new Operation(area, method.getName(), method, false, Set.of(), operator.purpose(), true);
        }
        if (access == null && !open) {
            throw new IllegalStateException(method + " : ni @Access ni @Public — chaque opération dit qui peut l'appeler");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (access != null) {
            roles.addAll(java.util.Arrays.asList(access.roles()));
        }
        return new Operation(area, method.getName(), method, open, Set.copyOf(roles),
                access == null ? "" : access.purpose(), false);
    }

    /** "POST /api/v1/area/name". */
    public String route() {
        return "POST /api/v1/" + area + "/" + name;
    }

    public boolean admits(Role role) {
        return roles.isEmpty() || roles.contains(role);
    }
}
