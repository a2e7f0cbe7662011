package dev.storefront.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon holds for every production class of every module (bootstrap's tests see them all). */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.storefront");
    }

    @Test
    void domainDependsOnlyOnTheJdk() {
        ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK.check(production);
    }

    @Test
    void applicationDependsOnlyOnDomainJdkAndInject() {
        ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_JDK_AND_INJECT.check(production);
    }

    @Test
    void adaptersNeverDependOnApplicationBootstrapOrEachOther() {
        for (ArchRule rule : ArchitectureRules.ADAPTERS_ARE_INDEPENDENT) {
            rule.allowEmptyShould(true).check(production);
        }
    }

    @Test
    void jdbiUndertowJacksonAndBouncyCastleStayInTheirAdapter() {
        for (ArchRule rule : ArchitectureRules.TECHNOLOGIES_STAY_IN_THEIR_ADAPTER) {
            rule.check(production);
        }
    }

    @Test
    void thePersistenceCoreNamesNoEngineAndTheEnginesStayApart() {
        ArchitectureRules.PERSISTENCE_CORE_IS_ENGINE_NEUTRAL.check(production);
        for (ArchRule rule : ArchitectureRules.ENGINES_ARE_INDEPENDENT) {
            rule.allowEmptyShould(true).check(production);
        }
    }

    @Test
    void useCaseImplementationsAreNamedService() {
        ArchitectureRules.USE_CASE_IMPLEMENTATIONS_ARE_SERVICES.check(production);
        ArchitectureRules.SERVICES_IMPLEMENT_A_USE_CASE.check(production);
    }

    @Test
    void servicesHaveAnInjectableConstructor() {
        ArchitectureRules.SERVICES_ARE_INJECTABLE.check(production);
    }

    @Test
    void theLibraryNeverDependsOnTheServer() {
        ArchitectureRules.THE_LIBRARY_NEVER_DEPENDS_ON_THE_SERVER.check(production);
    }

    @Test
    void nothingDependsOnBootstrap() {
        ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP.check(production);
    }
}
