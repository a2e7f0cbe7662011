package dev.storefront.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.storefront.application.archfixture.CheckHealthHandler;
import dev.storefront.bootstrap.archfixture.LibraryUsingTheServer;
import dev.storefront.domain.archfixture.DomainClassImportingAnAdapter;
import dev.storefront.http.archfixture.AdapterUsingBootstrap;
import dev.storefront.persistence.jdbi.archfixture.RepositoryUsingSqlite;
import org.junit.jupiter.api.Test;

/** The rules are not vacuous: fed deliberately bad classes, they fail. */
class ArchitectureRulesFixtureTest {

    @Test
    void domainRuleRejectsADomainClassThatImportsAnAdapter() {
        JavaClasses bad = new ClassFileImporter().importClasses(DomainClassImportingAnAdapter.class);
        AssertionError failure = assertThrows(AssertionError.class,
                () -> ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK.check(bad));
        assertTrue(failure.getMessage().contains("dev.storefront.http.HttpSettings"), failure.getMessage());
    }

    @Test
    void bootstrapRuleRejectsAnAdapterThatUsesBootstrap() {
        JavaClasses bad = new ClassFileImporter().importClasses(AdapterUsingBootstrap.class);
        assertThrows(AssertionError.class, () -> ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP.check(bad));
        assertThrows(AssertionError.class, () -> ArchitectureRules.ADAPTERS_ARE_INDEPENDENT[0].check(bad));
    }

    @Test
    void namingRuleRejectsAUseCaseImplementationNotNamedService() {
        JavaClasses bad = new ClassFileImporter().importClasses(CheckHealthHandler.class);
        assertThrows(AssertionError.class, () -> ArchitectureRules.USE_CASE_IMPLEMENTATIONS_ARE_SERVICES.check(bad));
    }

    @Test
    void engineRulesRejectACoreClassThatUsesSqlite() {
        JavaClasses bad = new ClassFileImporter().importClasses(RepositoryUsingSqlite.class);
        assertThrows(AssertionError.class, () -> ArchitectureRules.PERSISTENCE_CORE_IS_ENGINE_NEUTRAL.check(bad));
        assertThrows(AssertionError.class, () -> ArchitectureRules.TECHNOLOGIES_STAY_IN_THEIR_ADAPTER[1].check(bad));
    }

    @Test
    void libraryRuleRejectsALibraryClassThatUsesTheServer() {
        JavaClasses bad = new ClassFileImporter().importClasses(LibraryUsingTheServer.class);
        AssertionError failure = assertThrows(AssertionError.class,
                () -> ArchitectureRules.THE_LIBRARY_NEVER_DEPENDS_ON_THE_SERVER.check(bad));
        assertTrue(failure.getMessage().contains("dev.storefront.bootstrap.server.Main"), failure.getMessage());
    }
}
