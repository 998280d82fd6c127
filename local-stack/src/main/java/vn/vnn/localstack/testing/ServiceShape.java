package vn.vnn.localstack.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape every service keeps (ARCHITECTURE §2): packages by feature without cycles between them; inside a feature
 * resource → use case → model, with only the web layer (resources, their DTOs and renderers) knowing HTTP shapes and
 * no entity calling a use case; rows
 * as {@code Object[]} only in the owner classes of table families ({@code @TableOwner}); no service importing another.
 */
public final class ServiceShape {

    /** Simple-name endings of the web layer: resources, their request and response shapes, and what renders them. */
    private static final List<String> WEB = List.of("Resource", "View", "Views", "Dtos", "Request", "Response",
            "Pdf", "Export", "Template");
    private static final List<String> DTO = List.of("View", "Views", "Dtos", "Request", "Response");
    private static final Set<String> SERVICES = Set.of("household", "fund", "emulation", "gateway");
    private static final Pattern OBJECT_ARRAY = Pattern.compile("\\bObject\\s*\\[\\s*\\]");

    private final String base;
    private final JavaClasses classes;
    private final Path sources;

    private ServiceShape(String base, JavaClasses classes, Path sources) {
        this.base = base;
        this.classes = classes;
        this.sources = sources;
    }

    /** The service's main classes (from {@code target/classes}) and sources under {@code src/main/java}. */
    public static ServiceShape of(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(basePackage);
        return new ServiceShape(basePackage, classes, Path.of("src/main/java"));
    }

    /** Every rule's violations, one line each; empty when the service keeps its shape. */
    public List<String> violations() {
        List<String> found = new ArrayList<>();
        for (ArchRule rule : rules()) {
            EvaluationResult result = rule.evaluate(classes);
            result.getFailureReport().getDetails().forEach(detail -> found.add(detail));
        }
        found.addAll(objectArraysOutsideOwners());
        return found;
    }

    List<ArchRule> rules() {
        String service = base.substring(base.lastIndexOf('.') + 1);
        List<ArchRule> rules = new ArrayList<>();
        rules.add(classes().should().resideInAPackage(base + ".*..")
                .because("every class sits in a feature package (" + base + ".<feature>)"));
        rules.add(slices().matching(base + ".(*)..").should().beFreeOfCycles()
                .because("features depend on each other one way"));
        rules.add(classes().that(dto()).should().onlyHaveDependentClassesThat(web())
                .because("only resources know the HTTP request and response shapes; use cases take commands and "
                        + "return model objects or their own result records"));
        rules.add(noClasses().that(DescribedPredicate.not(web())).should().dependOnClassesThat(web())
                .because("layers run one way: resource → use case → model"));
        rules.add(noClasses().that().areAnnotatedWith("jakarta.persistence.Entity").should()
                .dependOnClassesThat().areAnnotatedWith("jakarta.enterprise.context.ApplicationScoped")
                .because("the model knows no use case: entities and aggregates are called, they do not call"));
        for (String other : SERVICES) {
            if (!other.equals(service)) {
                rules.add(noClasses().should().dependOnClassesThat().resideInAPackage("vn.vnn." + other + "..")
                        .because("services talk over HTTP and Kafka, never through each other's classes"));
            }
        }
        return rules;
    }

    /** Source lines handling {@code Object[]} in classes that are not {@code @TableOwner}s. */
    private List<String> objectArraysOutsideOwners() {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                if (text.contains("@TableOwner")) {
                    continue;
                }
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (OBJECT_ARRAY.matcher(lines[i]).find()) {
                        found.add("Object[] outside a @TableOwner class: " + file + ":" + (i + 1) + ": "
                                + lines[i].strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private DescribedPredicate<JavaClass> web() {
        return named("belong to the service's web layer", WEB);
    }

    private DescribedPredicate<JavaClass> dto() {
        return named("are the service's HTTP request or response shapes", DTO);
    }

    /** Judged by the top-level class, so that nested records and lambdas belong to their outer class. */
    private DescribedPredicate<JavaClass> named(String description, List<String> endings) {
        return DescribedPredicate.describe(description, (JavaClass c) -> {
            if (!c.getPackageName().startsWith(base + ".")) {
                return false;
            }
            String name = topLevel(c).getSimpleName();
            return endings.stream().anyMatch(name::endsWith);
        });
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass current = c;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
