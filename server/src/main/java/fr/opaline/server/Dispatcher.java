package fr.opaline.server;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opaline.api.Apis;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.scheduling.BookingConflictException;
import fr.opaline.core.user.AuthenticationException;
import fr.opaline.platform.http.Exchange;
import fr.opaline.platform.http.HttpError;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.tls.TlsIdentity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one dispatcher of {@code POST /api/v1/{area}/{operation}}: finds the operation, requires the
 * workstation's TLS client certificate, resolves the session its handle names over that certificate
 * (401), checks the role the operation declares (403), reads the named arguments from the JSON
 * object, calls the implementation and answers its result as JSON. Domain refusals become 4xx with
 * their French message.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Map<String, Map<String, Bound>> operations = new LinkedHashMap<>();
    private final Sessions sessions;
    private final ObjectMapper mapper;
    private volatile fr.opaline.server.operator.OperatorCredential operators;

    private record Bound(Operation operation, Object target) {
    }

    /**
     * @param implementations API interface of {@link Apis#ALL} → its implementation; an area this
     *                        server does not offer (its national service switched off, say) is absent:
     *                        its operations answer 503 with a French message, after the usual checks
     */
    public Dispatcher(Map<Class<?>, Object> implementations, Sessions sessions, ObjectMapper mapper) {
        this.sessions = sessions;
        this.mapper = mapper;
        for (Class<?> api : Apis.ALL) {
            Object target = implementations.get(api);
            if (target != null && !api.isInstance(target)) {
                throw new IllegalArgumentException("aucune implémentation de " + api.getSimpleName());
            }
            Map<String, Bound> area = operations.computeIfAbsent(Apis.area(api), a -> new LinkedHashMap<>());
            for (Method method : api.getMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                    continue;
                }
                if (area.put(method.getName(), new Bound(Operation.of(Apis.area(api), method), target)) != null) {
                    throw new IllegalStateException("opération surchargée, non adressable : " + method);
                }
            }
        }
    }

    /**
     * Opens the operator area to this credential (the practice server, once it listens); until
     * then, and in a desktop's in-process server, operator calls get 401.
     */
    public void admitOperators(fr.opaline.server.operator.OperatorCredential credential) {
        this.operators = credential;
    }

    /** Every operation served. */
    public List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        operations.values().forEach(area -> area.values().forEach(b -> all.add(b.operation())));
        return all;
    }

    public Reply handle(Exchange exchange) throws Exception {
        Map<String, Bound> area = operations.get(exchange.pathParameter("area"));
        Bound bound = area == null ? null : area.get(exchange.pathParameter("operation"));
        if (bound == null) {
            throw HttpError.notFound("Opération inconnue : " + exchange.path());
        }
        Operation operation = bound.operation();
        if (operation.operatorCall()) {
            return operatorCall(bound, exchange);
        }
        String workstation = workstation(exchange);
        String handle = exchange.bearer().orElse(null);
        ServerSession session = null;
        if (!operation.publicCall()) {
            session = sessions.resolve(handle, workstation, false);
            if (!operation.admits(session.user().role())) {
                LOG.info("403 {} for {} ({})", operation.route(), session.user().login(), session.user().role());
                throw Call.forbidden("Votre rôle (" + roleName(session) + ") ne permet pas de "
                        + operation.purpose() + ".");
            }
        }
        if (bound.target() == null) {
            throw new HttpError(503, "unavailable", "Cette fonction n'est pas disponible sur ce serveur du cabinet ("
                    + operation.purpose() + ").");
        }
        return invoke(bound, exchange, new Call(session, handle, workstation, exchange.remoteAddress().getHostAddress()));
    }

    /** An operator command from this machine: loopback (else 403) and the operator credential (else 401). */
    private Reply operatorCall(Bound bound, Exchange exchange) throws Exception {
        Operation operation = bound.operation();
        fr.opaline.server.operator.OperatorCredential credential = operators;
        if (credential == null) {
            throw new HttpError(401, "operator_credential", "Ce serveur n'accepte pas de commandes d'exploitation.");
        }
        credential.admit(exchange.remoteAddress(), exchange.bearer().orElse(null));
        if (bound.target() == null) {
            throw new HttpError(503, "unavailable", "Cette fonction n'est pas disponible sur ce serveur du cabinet ("
                    + operation.purpose() + ").");
        }
        LOG.info("operator {} from {}", operation.route(), exchange.remoteAddress().getHostAddress());
        return invoke(bound, exchange, new Call(null, null, null, exchange.remoteAddress().getHostAddress()));
    }

    private Reply invoke(Bound bound, Exchange exchange, Call call) throws Exception {
        Operation operation = bound.operation();
        Object[] arguments = arguments(operation.method(), exchange);
        Call.set(call);
        Object result;
        try {
            result = operation.method().invoke(bound.target(), arguments);
        } catch (InvocationTargetException e) {
            throw translate(e.getCause());
        } finally {
            Call.clear();
        }
        if (operation.method().getReturnType() == void.class) {
            return Reply.noContent();
        }
        return Reply.json(result == null ? mapper.nullNode() : result);
    }

    private static String roleName(ServerSession session) {
        return switch (session.user().role()) {
            case SECRETAIRE -> "secrétaire";
            case MANIPULATEUR -> "manipulateur";
            case RADIOLOGUE -> "radiologue";
            case ADMINISTRATEUR -> "administrateur";
        };
    }

    /** The SHA-256 fingerprint of the workstation's client certificate; 401 without one. */
    static String workstation(Exchange exchange) {
        var certificates = exchange.clientCertificates();
        if (certificates.length == 0) {
            throw Sessions.unauthorised("no_workstation_key",
                    "Ce poste ne présente pas sa clé (certificat client TLS) : le serveur du cabinet le refuse.");
        }
        return TlsIdentity.fingerprint(certificates[0]);
    }

    private Object[] arguments(Method method, Exchange exchange) throws java.io.IOException {
        Parameter[] parameters = method.getParameters();
        if (parameters.length == 0) {
            return new Object[0];
        }
        byte[] body = exchange.body();
        JsonNode object;
        try {
            object = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw HttpError.badRequest("Requête illisible : JSON invalide.");
        }
        if (object == null || !object.isObject()) {
            throw HttpError.badRequest("Requête illisible : un objet JSON d'arguments nommés est attendu.");
        }
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            JsonNode value = object.get(parameter.getName());
            JavaType type = mapper.getTypeFactory().constructType(parameter.getParameterizedType());
            try {
                values[i] = value == null || value.isNull() ? null : mapper.treeToValue(value, type);
            } catch (com.fasterxml.jackson.core.JacksonException | IllegalArgumentException e) {
                throw HttpError.badRequest("Argument « " + parameter.getName() + " » invalide.");
            }
            if (values[i] == null && parameter.getType().isPrimitive()) {
                throw HttpError.badRequest("Argument « " + parameter.getName() + " » manquant.");
            }
        }
        return values;
    }

    /** A domain refusal as its HTTP status and French message; anything else stays a 500. */
    static Exception translate(Throwable failure) {
        if (failure instanceof HttpError http) {
            return http;
        }
        if (failure instanceof AuthenticationException refused) {
            return new HttpError(422, "authentication_" + refused.reason().name().toLowerCase(Locale.ROOT),
                    refused.getMessage());
        }
        if (failure instanceof BookingConflictException conflict) {
            return new HttpError(409, "booking_conflict", conflict.getMessage());
        }
        if (failure instanceof BusinessRuleException rule) {
            return new HttpError(422, "business_rule", rule.getMessage());
        }
        if (failure instanceof NotFoundException missing) {
            return HttpError.notFound(missing.getMessage());
        }
        if (failure instanceof SecurityException denied) {
            return Call.forbidden(denied.getMessage());
        }
        if (failure instanceof IllegalArgumentException invalid) {
            return HttpError.badRequest(invalid.getMessage() == null ? "Requête invalide." : invalid.getMessage());
        }
        if (failure instanceof Exception e) {
            return e;
        }
        throw (Error) failure;
    }
}
