package dev.modelarts.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering, as a test: generated API ← resources → service (core) → data (db) → read model
 * (listing) and values (model); the request id below errors and http; the composition root
 * (server) imported by nothing but the embedded server (embedded); the public test kit
 * (testkit) reaches the server through the embedded server only.
 */
@AnalyzeClasses(packages = "dev.modelarts.local", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.modelarts.local.(*)..")
            .should().beFreeOfCycles()
            // the test kit's own package is another module (testkit), which depends on nothing
            // here (Maven sees to that), so a dependency on it cannot close a cycle; it shares the
            // "testkit" slice with testkit.junit, the extension, which is in this module
            .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                    resideInAPackage("dev.modelarts.local.testkit"));

    @ArchTest
    static final ArchRule RESOURCES_GO_THROUGH_THE_SERVICE = noClasses().that().resideInAPackage("..local.resources..")
            .should().dependOnClassesThat().resideInAnyPackage("..local.db..", "org.jdbi..", "java.sql..");

    @ArchTest
    static final ArchRule NOTHING_IMPORTS_THE_COMPOSITION_ROOT = noClasses()
            .that().resideOutsideOfPackages("..local.server..", "..local.embedded..")
            .should().dependOnClassesThat().resideInAPackage("..local.server..");

    @ArchTest
    static final ArchRule THE_DATA_LAYER_KNOWS_NO_CALLER = noClasses().that().resideInAPackage("..local.db..")
            .should().dependOnClassesThat().resideInAnyPackage("..local.core..", "..local.resources..",
                    "..local.http..", "..local.edge..", "..local.auth..", "org.glassfish..", "jakarta.ws.rs..");

    /**
     * Inside the data layer the DAOs sit on top: the row writers, the writer (GroupCommit), the
     * listing's keeper and the mappers never reach back into a DAO, and no DAO into another, so
     * the layer has no cycle of its own (ImageWrites once called ImageDao for the built-in ids,
     * which now live in model as BuiltInIds).
     */
    @ArchTest
    static final ArchRule THE_DAOS_ARE_THE_DATA_LAYERS_TOP = classes().that().resideInAPackage("..local.db..")
            .and().doNotHaveSimpleName("DataLayer")
            .should(new ArchCondition<JavaClass>("depend on no DAO but their own") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    String own = topLevel(c).getName();
                    for (Dependency d : c.getDirectDependenciesFromSelf()) {
                        JavaClass target = topLevel(d.getTargetClass());
                        if (target.getPackageName().equals(c.getPackageName()) && target.getSimpleName().endsWith("Dao")
                                && !target.getName().equals(own)) {
                            events.add(SimpleConditionEvent.violated(c, d.getDescription()));
                        }
                    }
                }
            });

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    @ArchTest
    static final ArchRule THE_READ_MODEL_IS_PURE = noClasses().that().resideInAnyPackage("..local.listing..", "..local.model..")
            .should().dependOnClassesThat().resideInAnyPackage("..local.db..", "..local.core..", "..local.errors..", "org.jdbi..",
                    "java.sql..", "javax.sql..", "java.util.concurrent..", "org.glassfish..", "jakarta.ws.rs..")
            .orShould().dependOnClassesThat().areAssignableTo(Thread.class);

    @ArchTest
    static final ArchRule THE_SERVICE_KNOWS_NO_HTTP = noClasses().that().resideInAPackage("..local.core..")
            .should().dependOnClassesThat().resideInAnyPackage("..local.resources..", "..local.http..", "..local.edge..",
                    "org.glassfish..", "jakarta.ws.rs..");

    /**
     * The edge is the HTTP front only: the features in front of the application (the fault
     * rules) reach it through its Interception hook, and its pure syntax checks live in http.
     */
    @ArchTest
    static final ArchRule THE_EDGE_KNOWS_NO_FEATURE = noClasses().that().resideInAPackage("..local.edge..")
            .should().dependOnClassesThat().resideInAnyPackage("..local.faults..", "..local.core..", "..local.db..",
                    "..local.auth..", "..local.resources..", "..local.transitions..", "org.jdbi..");

    /** The supported test API stays a thin face: its users must never need an internal type. */
    @ArchTest
    static final ArchRule THE_TEST_KIT_SEES_ONLY_THE_EMBEDDED_SERVER = noClasses()
            .that().resideInAPackage("dev.modelarts.local.testkit..")
            .should().dependOnClassesThat(resideInAPackage("dev.modelarts.local..")
                    .and(not(resideInAnyPackage("dev.modelarts.local.testkit..", "dev.modelarts.local.embedded.."))));
}
