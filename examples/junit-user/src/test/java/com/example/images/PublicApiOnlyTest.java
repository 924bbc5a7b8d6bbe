package com.example.images;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** These tests use the server's supported test API only: the packages under dev.modelarts.local.testkit. */
@AnalyzeClasses(packages = "com.example")
class PublicApiOnlyTest {

    @ArchTest
    static final ArchRule ONLY_THE_TEST_KIT = noClasses().that().resideInAPackage("com.example..")
            .should().dependOnClassesThat(resideInAPackage("dev.modelarts.local..")
                    .and(not(resideInAPackage("dev.modelarts.local.testkit.."))))
            .because("only dev.modelarts.local.testkit.. is the server's supported test API");
}
