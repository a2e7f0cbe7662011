package dev.storefront.bootstrap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.StorefrontConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new Main(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void helpListsTheCommandsAndEveryConfigurationVariable() {
        assertEquals(0, run(Map.of(), "--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("serve"), help);
        for (StorefrontConfig.Variable variable : StorefrontConfig.VARIABLES) {
            assertTrue(help.contains(variable.name()), "help names " + variable.name());
        }
    }

    @Test
    void helpWinsEvenWithABadConfiguration() {
        assertEquals(0, run(Map.of("PORT", "abc"), "--help"));
    }

    @Test
    void aBadPortStopsWithOneLineAndExitCodeOne() {
        assertEquals(1, run(Map.of("PORT", "abc")));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals("storefront: PORT must be a whole number from 0 to 65535, got \"abc\"\n", message);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(2, run(Map.of(), "frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command \"frobnicate\""));
    }

    @Test
    void oneLineKeepsTheInnermostUsefulMessage() {
        RuntimeException failure = new RuntimeException(null, new IllegalStateException("the database\nis locked"));
        assertEquals("the database is locked", Main.oneLine(failure));
    }
}
