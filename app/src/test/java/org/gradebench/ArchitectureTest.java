package org.gradebench;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layer rules of docs (shared/design/architecture.md), checked on the compiled main classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gradebench");
    }

    @Test
    void coreIsPlainJava() {
        ArchRule rule = noClasses().that().resideInAPackage("org.gradebench.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.controlsfx..", "org.fxmisc..", "atlantafx..", "com.github.dockerjava..",
                        "org.h2..", "java.sql..", "javax.sql..", "org.flywaydb..", "com.fasterxml.jackson..",
                        "org.apache.commons.compress..", "picocli..",
                        "org.gradebench.sandbox..", "org.gradebench.store..", "org.gradebench.io..",
                        "org.gradebench.ui..", "org.gradebench.cli..");
        rule.check(classes);
    }

    @Test
    void adaptersDependOnlyOnCore() {
        noClasses().that().resideInAPackage("org.gradebench.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gradebench.store..", "org.gradebench.io..",
                        "org.gradebench.ui..", "org.gradebench.cli..", "javafx..")
                .check(classes);
        noClasses().that().resideInAPackage("org.gradebench.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gradebench.sandbox..", "org.gradebench.io..",
                        "org.gradebench.ui..", "org.gradebench.cli..", "javafx..", "com.github.dockerjava..")
                .check(classes);
        noClasses().that().resideInAPackage("org.gradebench.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gradebench.sandbox..", "org.gradebench.store..",
                        "org.gradebench.ui..", "org.gradebench.cli..", "javafx..", "com.github.dockerjava..",
                        "org.h2..", "java.sql..")
                .check(classes);
    }

    @Test
    void uiTalksToCoreOnly() {
        noClasses().that().resideInAPackage("org.gradebench.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gradebench.sandbox..", "org.gradebench.store..",
                        "com.github.dockerjava..", "org.h2..", "java.sql..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void sqlLivesInTheStore() {
        noClasses().that().resideOutsideOfPackage("org.gradebench.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void dockerLivesInTheDockerBackend() {
        noClasses().that().resideOutsideOfPackages("org.gradebench.sandbox.docker..")
                .and().doNotHaveFullyQualifiedName(AppServices.class.getName())
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(classes);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().resideInAPackage("org.gradebench.ui..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

    @Test
    void onlyFxThreadCallsRunLater() {
        noClasses().that().doNotHaveSimpleName("FxThread")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .check(classes);
    }

    @Test
    void noStandardStreamsOutsideTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("org.gradebench.cli..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }

    @Test
    void noJavaUtilLogging() {
        noClasses().that().doNotHaveFullyQualifiedName(org.gradebench.ui.common.JavaFxLog.class.getName())
                .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
                .because("we log through SLF4J; only JavaFxLog configures JavaFX's own java.util.logging logger")
                .check(classes);
    }

    @Test
    void threadsComeFromTheNamedFactory() {
        noClasses().that().doNotHaveFullyQualifiedName("org.gradebench.core.run.RunQueue$NamedThreadFactory")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .orShould().callConstructor(Thread.class)
                .orShould().callConstructor(Thread.class, String.class)
                .check(classes);
    }
}
