package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.server.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with a setting it cannot use: one line naming the variable and its value, exit 1.
 * Bounded: a setting that is wrongly accepted would otherwise serve on for ever.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StartupErrorsIT {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Serves in this JVM (no jar, no launcher); only failures are tried, so it always returns. */
    private int serve(String... more) {
        Map<String, String> environment = TestConfigs.environment(dir.resolve("data"), more);
        environment.put("DEMO_CATALOG", "false");
        return new Main(environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(new String[] {"serve"});
    }

    private String theOneLine() {
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.endsWith("\n") && printed.indexOf('\n') == printed.length() - 1, "one line: " + printed);
        return printed.strip();
    }

    @Test
    void aDataDirThatCannotBeCreatedIsNamedWithItsPathAndTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        String dataDir = file.resolve("data").toString();

        assertEquals(Main.FAILED, serve("DATA_DIR", dataDir));
        assertEquals("storefront: DATA_DIR is \"" + dataDir + "\": cannot create " + dataDir + " (Not a directory)",
                theOneLine());
    }

    @Test
    void aMailOutboxThatCannotBeADirectoryStopsTheStartNotTheFirstReset() throws Exception {
        Path file = Files.writeString(dir.resolve("outbox-file"), "in the way");

        assertEquals(Main.FAILED, serve("MAIL_OUTBOX", file.toString()));
        assertEquals("storefront: MAIL_OUTBOX is \"" + file + "\": cannot create " + file
                + " (a file that is not a directory is in the way)", theOneLine());
    }

    @Test
    void aHostThatDoesNotResolveIsNamed() {
        assertEquals(Main.FAILED, serve("HOST", "no-such-host.invalid"));
        assertEquals("storefront: HOST is \"no-such-host.invalid\", which does not resolve to an address", theOneLine());
    }

    @Test
    void aPortInUseIsNamedWithHostAndPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertEquals(Main.FAILED, serve("PORT", Integer.toString(port)));
            assertEquals("storefront: cannot listen on HOST 127.0.0.1 PORT " + port + " (Address already in use)",
                    theOneLine());
        }
    }
}
