package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.HttpTestClient.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar a user runs: {@code java -jar bootstrap/target/storefront.jar}, as a separate process. */
class ExecutableJarIT {
    static final Path JAR = Path.of("target", "storefront.jar").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    @TempDir
    Path workDir;

    private Process start(Map<String, String> env, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void theJarServesHealthWithTheDefaultDatabaseAndStopsGracefullyOnSigterm() throws Exception {
        Path log = workDir.resolve("server.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--port=0", "--host=127.0.0.1");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DEMO_CATALOG", "false");
        Process server = builder.start();
        try {
            int port = awaitPort(log, server);
            Response health = new HttpTestClient(port).get("/health");
            assertEquals(200, health.status());
            assertEquals("{\"status\":\"UP\"}", health.body());
            assertTrue(Files.isRegularFile(workDir.resolve("data").resolve("storefront.db")),
                    "./data/storefront.db is created in the working directory");

            server.destroy(); // SIGTERM
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server exits after SIGTERM");
            String output = Files.readString(log);
            assertTrue(output.contains("Storefront stopped"), output);
        } finally {
            server.destroyForcibly();
        }
    }

    private static int awaitPort(Path log, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && server.isAlive()) {
            Matcher matcher = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server never logged its port: " + Files.readString(log));
    }

    @Test
    void aBadPortPrintsOneLineAndExitsWithOne() throws Exception {
        Process process = start(Map.of("PORT", "abc"));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue());
        assertEquals("storefront: PORT must be a whole number from 0 to 65535, got \"abc\"\n", output);
    }

    @Test
    void helpExitsWithZero() throws Exception {
        Process process = start(Map.of(), "--help");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertTrue(output.contains("DATABASE_URL"), output);
    }
}
