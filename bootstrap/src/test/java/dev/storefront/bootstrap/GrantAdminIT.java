package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.server.Main;
import dev.storefront.domain.port.in.account.GetCurrentUserUseCase.CurrentUserQuery;
import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.user.Role;
import dev.storefront.domain.user.User;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grant-admin USERNAME}: exit 0 for a known user, exit 1 with a message for an unknown one. */
class GrantAdminIT {
    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Map<String, String> environment = new java.util.HashMap<>(TestServer.databaseEnvironment(dataDir));
        environment.putAll(Map.of("DATA_DIR", dataDir.toString(), "BCRYPT_COST", "4"));
        return run(environment, args);
    }

    private int run(Map<String, String> environment, String... args) {
        Main main = new Main(environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return main.run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void createDatabase() {
        Storefront.builder().config(TestConfigs.config(dataDir)).build().close();
    }

    @Test
    void grantsTheAdminRoleToAKnownUserWhileTheServerRuns() {
        try (TestServer http = TestServer.start(dataDir)) {
            User erin = http.server.storefront().accounts().registerUser().register(
                    new RegisterUserCommand("erin", "erin@example.com", "correct horse battery", null));
            assertEquals(0, run("grant-admin", "ERIN"));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("erin"));
            Path database = dataDir.resolve("storefront.db").toAbsolutePath();
            String expected = TestServer.ON_POSTGRES ? TestServer.databaseEnvironment(dataDir).get("DATABASE_URL")
                    : "jdbc:sqlite:" + dataDir.resolve("storefront.db") + " (" + database + ")";
            assertEquals("storefront: database " + expected + "\n", err(), "one line on stderr says which database");
            assertEquals(Role.ADMIN, http.server.storefront().accounts().currentUser()
                    .currentUser(new CurrentUserQuery(erin.id())).role());
            String sid = http.login("erin", "correct horse battery", null).sid();
            assertTrue(http.get("/api/user", sid).body().contains("\"role\":\"admin\""));
        }
    }

    @Test
    void anUnknownUserIsExit1WithAMessage() {
        createDatabase();
        assertEquals(1, run("grant-admin", "nobody"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nobody"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("grant-admin"));
    }

    @Test
    void withoutADatabaseInDataDirItCreatesNoneAndSaysWhereItLooked() {
        // As from another directory: ./data there holds no database, or does not exist at all.
        for (Path elsewhere : List.of(dataDir, dataDir.resolve("missing"))) {
            err.reset();
            assertEquals(1, run(Map.of("DATA_DIR", elsewhere.toString()), "grant-admin", "erin"));
            assertEquals("storefront: no database at " + elsewhere.resolve("storefront.db").toAbsolutePath()
                    + " (DATA_DIR is \"" + elsewhere + "\"): run the command where the server runs, or set DATA_DIR"
                    + " or DATABASE_URL to its database\n", err());
            assertFalse(Files.exists(elsewhere.resolve("storefront.db")), "no database is created");
        }
        assertFalse(Files.exists(dataDir.resolve("missing")), "nor its directory");
    }

    @Test
    void withoutTheDatabaseOfDatabaseUrlItNamesThatSetting() {
        String url = "jdbc:sqlite:" + dataDir.resolve("shop.db");

        assertEquals(1, run(Map.of("DATABASE_URL", url), "grant-admin", "erin"));
        assertTrue(err().startsWith("storefront: no database at " + dataDir.resolve("shop.db").toAbsolutePath()
                + " (DATABASE_URL is \"" + url + "\")"), err());
        assertFalse(Files.exists(dataDir.resolve("shop.db")));
    }

    @Test
    void helpListsTheCommand() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("grant-admin USERNAME"));
    }
}
