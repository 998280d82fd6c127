package vn.vnn.kit.security;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the {@link Caller} which roles the called endpoint admits (its {@code @RolesAllowed}), so that only those of
 * the caller's roles decide how far the call reaches.
 */
public class EndpointRoles {

    private static final ConcurrentHashMap<Method, Optional<Set<String>>> BY_METHOD = new ConcurrentHashMap<>();

    @Inject
    Caller caller;

    @ServerRequestFilter
    public void tellCaller(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method != null) {
            caller.endpointRoles(BY_METHOD.computeIfAbsent(method,
                    m -> Optional.ofNullable(admitted(m, resource.getResourceClass()))).orElse(null));
        }
    }

    /** The roles of the method's or else its class's {@code @RolesAllowed}; null when any caller is admitted. */
    static Set<String> admitted(Method method, Class<?> resourceClass) {
        RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
        if (onMethod != null) {
            return Set.of(onMethod.value());
        }
        if (method.isAnnotationPresent(PermitAll.class) || method.isAnnotationPresent(Authenticated.class)) {
            return null;
        }
        RolesAllowed onClass = resourceClass == null ? null : resourceClass.getAnnotation(RolesAllowed.class);
        return onClass == null ? null : Set.of(onClass.value());
    }
}
