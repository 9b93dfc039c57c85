package com.replybook.kb.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one-way dependencies of docs/architecture.md, checked on the compiled classes: each foundation package uses
 * only the ones below it and knows no feature, no feature knows the composition root, {@code entries} knows no
 * other feature, and no two packages depend on each other.
 */
class ArchitectureTest {

    private static final String KB = "com.replybook.kb";
    private static final List<String> FEATURES = List.of("entries", "render", "search", "editor", "cases", "exchange",
            "events", "analytics", "tone", "users", "plugin", "sample", "metrics", "guardrails", "clocks", "followups",
            "shops");
    /** Each foundation package and the packages of the application it may use, bottom first. */
    private static final Map<String, List<String>> FOUNDATION = new LinkedHashMap<>();

    static {
        FOUNDATION.put("vocabulary", List.of());
        FOUNDATION.put("config", List.of());
        FOUNDATION.put("web", List.of());
        FOUNDATION.put("db", List.of("config"));
        FOUNDATION.put("auth", List.of("config", "db", "vocabulary", "web"));
        FOUNDATION.put("console", List.of("auth", "config", "vocabulary", "web"));
        FOUNDATION.put("module", List.of("config", "console", "db", "web"));
    }

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(KB);

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        slices().matching(KB + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void eachFoundationPackageUsesOnlyThePackagesBelowIt() {
        FOUNDATION.forEach((pkg, allowed) -> classes().that().resideInAPackage(packages(pkg)[0])
                .should().onlyDependOnClassesThat(outsideTheApplicationOr(pkg, allowed))
                .because(pkg + " is part of the foundation every feature builds on")
                .check(MAIN));
    }

    @Test
    void noFeatureKnowsTheCompositionRoot() {
        noClasses().that().resideInAnyPackage(packages(FEATURES.toArray(String[]::new))).should().dependOnClassesThat()
                .resideInAnyPackage(packages("app", "boot")).check(MAIN);
    }

    @Test
    void entriesDependOnNoOtherFeature() {
        noClasses().that().resideInAPackage(packages("entries")[0]).should().dependOnClassesThat()
                .resideInAnyPackage(packages(FEATURES.stream().filter(f -> !f.equals("entries")).toArray(String[]::new)))
                .because("every feature builds on entries; entries is extended through EntryAction and ScriptCheck")
                .check(MAIN);
    }

    private static DescribedPredicate<JavaClass> outsideTheApplicationOr(String pkg, List<String> allowed) {
        String[] own = packages(Stream.concat(Stream.of(pkg), allowed.stream()).toArray(String[]::new));
        return resideOutsideOfPackage(KB + "..").or(resideInAnyPackage(own));
    }

    private static String[] packages(String... names) {
        return Arrays.stream(names).map(n -> KB + "." + n + "..").toArray(String[]::new);
    }
}
