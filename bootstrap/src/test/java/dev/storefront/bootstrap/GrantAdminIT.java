package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.in.account.GetCurrentUserUseCase.CurrentUserQuery;
import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.user.Role;
import dev.storefront.domain.user.User;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        Main main = new Main(Map.of("DATA_DIR", dataDir.toString(), "BCRYPT_COST", "4"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return main.run(args);
    }

    @Test
    void grantsTheAdminRoleToAKnownUserWhileTheServerRuns() {
        try (TestServer http = TestServer.start(dataDir)) {
            User erin = http.server.storefront().registerUser().register(
                    new RegisterUserCommand("erin", "erin@example.com", "correct horse battery", null));
            assertEquals(0, run("grant-admin", "ERIN"));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("erin"));
            assertEquals(Role.ADMIN, http.server.storefront().currentUser()
                    .currentUser(new CurrentUserQuery(erin.id())).role());
            String sid = http.login("erin", "correct horse battery", null).sid();
            assertTrue(http.get("/api/user", sid).body().contains("\"role\":\"admin\""));
        }
    }

    @Test
    void anUnknownUserIsExit1WithAMessage() {
        assertEquals(1, run("grant-admin", "nobody"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nobody"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("grant-admin"));
    }

    @Test
    void helpListsTheCommand() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("grant-admin USERNAME"));
    }
}
