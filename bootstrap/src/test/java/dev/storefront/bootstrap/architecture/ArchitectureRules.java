package dev.storefront.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.inject.Inject;

/** The hexagon's rules. Kept apart from the test so that a fixture test can show they bite. */
final class ArchitectureRules {
    static final String DOMAIN = "dev.storefront.domain..";
    static final String APPLICATION = "dev.storefront.application..";
    static final String BOOTSTRAP = "dev.storefront.bootstrap..";
    static final String SERVER = "dev.storefront.bootstrap.server..";
    static final String HTTP = "dev.storefront.http..";
    static final String PERSISTENCE = "dev.storefront.persistence..";
    static final String PERSISTENCE_CORE = "dev.storefront.persistence.jdbi..";
    static final String SQLITE = "dev.storefront.persistence.sqlite..";
    static final String POSTGRES = "dev.storefront.persistence.postgres..";
    static final String SECURITY = "dev.storefront.security..";
    static final String IN_MEMORY = "dev.storefront.inmemory..";

    private ArchitectureRules() {}

    static final ArchRule DOMAIN_DEPENDS_ONLY_ON_THE_JDK = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is pure: no framework, no adapter");

    static final ArchRule APPLICATION_DEPENDS_ONLY_ON_DOMAIN_JDK_AND_INJECT = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "jakarta.inject..")
            .because("use cases are written against ports only");

    static final ArchRule THE_LIBRARY_NEVER_DEPENDS_ON_THE_SERVER = noClasses()
            .that().resideInAPackage(BOOTSTRAP).and().resideOutsideOfPackage(SERVER)
            .should().dependOnClassesThat().resideInAPackage(SERVER)
            .because("an embedded Storefront brings no CLI, launcher, environment reading or file outbox");

    static ArchRule adapterStaysOutOf(String adapter, String... others) {
        return noClasses()
                .that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("adapters depend on the domain's ports, never on the application, bootstrap or each other");
    }

    static final ArchRule[] ADAPTERS_ARE_INDEPENDENT = {
        adapterStaysOutOf(HTTP, APPLICATION, BOOTSTRAP, PERSISTENCE, SECURITY, IN_MEMORY),
        adapterStaysOutOf(PERSISTENCE, APPLICATION, BOOTSTRAP, HTTP, SECURITY, IN_MEMORY),
        adapterStaysOutOf(SECURITY, APPLICATION, BOOTSTRAP, HTTP, PERSISTENCE, IN_MEMORY),
        adapterStaysOutOf(IN_MEMORY, APPLICATION, BOOTSTRAP, HTTP, PERSISTENCE, SECURITY),
    };

    static ArchRule technologyOnlyIn(String technology, String[] packages, String... allowedIn) {
        return noClasses()
                .that().resideOutsideOfPackages(allowedIn)
                .should().dependOnClassesThat().resideInAnyPackage(packages)
                .because(technology + " stays inside its own adapter");
    }

    static final ArchRule[] TECHNOLOGIES_STAY_IN_THEIR_ADAPTER = {
        technologyOnlyIn("JDBI", new String[] {"org.jdbi.."}, PERSISTENCE),
        technologyOnlyIn("The SQLite driver", new String[] {"org.sqlite.."}, SQLITE),
        technologyOnlyIn("The PostgreSQL driver", new String[] {"org.postgresql.."}, POSTGRES),
        technologyOnlyIn("The connection pool", new String[] {"com.zaxxer.."}, SQLITE, POSTGRES),
        technologyOnlyIn("Undertow", new String[] {"io.undertow..", "org.xnio.."}, HTTP, BOOTSTRAP),
        technologyOnlyIn("Jackson", new String[] {"com.fasterxml.jackson.."}, HTTP),
        technologyOnlyIn("BouncyCastle", new String[] {"org.bouncycastle.."}, SECURITY),
        technologyOnlyIn("webauthn4j", new String[] {"com.webauthn4j..", "tools.jackson.."}, SECURITY),
    };

    static final ArchRule PERSISTENCE_CORE_IS_ENGINE_NEUTRAL = noClasses()
            .that().resideInAPackage(PERSISTENCE_CORE)
            .should().dependOnClassesThat().resideInAnyPackage(SQLITE, POSTGRES)
            .orShould().haveSimpleNameContaining("Sqlite")
            .orShould().haveSimpleNameContaining("Postgres")
            .because("the JDBI repositories are written once for every engine; what differs is in the Dialect");

    static final ArchRule[] ENGINES_ARE_INDEPENDENT = {
        adapterStaysOutOf(SQLITE, POSTGRES),
        adapterStaysOutOf(POSTGRES, SQLITE),
    };

    private static final DescribedPredicate<JavaClass> IMPLEMENTS_A_USE_CASE =
            DescribedPredicate.describe("implement a driving port (port.in)", javaClass -> javaClass.getAllRawInterfaces()
                    .stream().anyMatch(i -> i.getPackageName().startsWith("dev.storefront.domain.port.in")));

    static final ArchRule USE_CASE_IMPLEMENTATIONS_ARE_SERVICES = classes()
            .that().resideInAPackage(APPLICATION).and(IMPLEMENTS_A_USE_CASE)
            .should().haveSimpleNameEndingWith("Service")
            .because("a use case <Verb><Noun>UseCase is implemented by <Verb><Noun>Service");

    static final ArchRule SERVICES_IMPLEMENT_A_USE_CASE = classes()
            .that().resideInAPackage(APPLICATION).and().haveSimpleNameEndingWith("Service")
            .should(com.tngtech.archunit.lang.conditions.ArchConditions.be(IMPLEMENTS_A_USE_CASE))
            .because("a service is the implementation of one driving port");

    static final ArchRule SERVICES_ARE_INJECTABLE = constructors()
            .that().areDeclaredInClassesThat().resideInAPackage(APPLICATION)
            .and().areDeclaredInClassesThat().haveSimpleNameEndingWith("Service")
            .and().arePublic()
            .should().beAnnotatedWith(Inject.class)
            .because("any JSR-330 container can wire the services, and they stay new-able");

    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .because("bootstrap is the outermost ring: it wires, nobody uses it");
}
