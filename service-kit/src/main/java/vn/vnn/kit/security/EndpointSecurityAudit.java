package vn.vnn.kit.security;

import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds REST endpoints that declare no access rule. Every endpoint must say who may call it ({@code @RolesAllowed},
 * {@code @PermitAll}, {@code @DenyAll} or {@code @Authenticated}, on the method or its class); each service's tests
 * run this over its compiled classes. At run time {@code quarkus.security.jaxrs.deny-unannotated-endpoints} denies
 * such endpoints anyway; this makes the omission a failing build rather than a surprise 403.
 */
public final class EndpointSecurityAudit {

    private static final Set<DotName> HTTP_METHODS = Stream.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS").map(name -> DotName.createSimple("jakarta.ws.rs." + name)).collect(
            java.util.stream.Collectors.toSet());
    private static final Set<DotName> ACCESS_RULES = Set.of(
            DotName.createSimple("jakarta.annotation.security.RolesAllowed"),
            DotName.createSimple("jakarta.annotation.security.PermitAll"),
            DotName.createSimple("jakarta.annotation.security.DenyAll"),
            DotName.createSimple("io.quarkus.security.Authenticated"));

    private EndpointSecurityAudit() {
    }

    /** The endpoints under {@code classesDir}, each as {@code Class#method}, and which of them lack a rule. */
    public record Result(List<String> endpoints, List<String> withoutAccessRule) {
    }

    public static Result audit(Path classesDir) throws IOException {
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        Index index = indexer.complete();
        List<String> endpoints = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (ClassInfo type : index.getKnownClasses()) {
            // Endpoints a resource inherits from a class outside the folder (service-kit's) count as its own.
            for (ClassInfo declaring = type; declaring != null; declaring = inheritedFrom(declaring, index)) {
                boolean classRule = hasRule(declaring);
                for (MethodInfo method : declaring.methods()) {
                    if (method.annotations().stream().noneMatch(a -> a.target() != null
                            && a.target().kind() == AnnotationTarget.Kind.METHOD
                            && HTTP_METHODS.contains(a.name()))) {
                        continue;
                    }
                    String name = type.name().toString() + "#" + method.name();
                    endpoints.add(name);
                    if (!classRule && !hasRule(method)) {
                        missing.add(name);
                    }
                }
            }
        }
        return new Result(endpoints, missing);
    }

    /** The superclass when it is not in the folder (and is not Object), read from the classpath; else null. */
    private static ClassInfo inheritedFrom(ClassInfo type, Index folder) {
        DotName superName = type.superName();
        if (superName == null || superName.toString().equals("java.lang.Object")
                || folder.getClassByName(superName) != null) {
            return null;
        }
        String resource = superName.toString().replace('.', '/') + ".class";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Indexer indexer = new Indexer();
            indexer.index(in);
            return indexer.complete().getClassByName(superName);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean hasRule(ClassInfo type) {
        return ACCESS_RULES.stream().anyMatch(rule -> type.declaredAnnotation(rule) != null);
    }

    private static boolean hasRule(MethodInfo method) {
        return ACCESS_RULES.stream().anyMatch(method::hasDeclaredAnnotation);
    }
}
