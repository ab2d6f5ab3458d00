package com.rigsync.samsara;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The client stays a plain library that any feature (and the simulator's tests) can use. */
class SamsaraPackageRulesTest {

    @Test
    void theClientUsesNoSpringVaadinOrJpa() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.rigsync.samsara");
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta.persistence..", "org.hibernate..")
                .check(classes);
    }
}
