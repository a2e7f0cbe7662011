package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            assertEquals("{\"status\":\"UP\",\"database\":\"sqlite\"}", health.body());
            assertTrue(Files.isRegularFile(workDir.resolve("data").resolve("storefront.db")),
                    "./data/storefront.db is created in the working directory");
            ProcessHandle serverJvm = serverJvm(server).orElseThrow(() -> new AssertionError(
                    "a plain java -jar serves in a JVM of its own"));
            List<String> options = List.of(serverJvm.info().arguments().orElseThrow());
            assertTrue(options.containsAll(List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx112m")), options.toString());
            Path environ = Path.of("/proc", Long.toString(serverJvm.pid()), "environ");
            if (Files.isReadable(environ)) { // Linux: the glibc arena limit reached the server's JVM
                assertTrue(List.of(Files.readString(environ).split("\u0000")).contains("MALLOC_ARENA_MAX=2"));
            }

            server.destroy(); // SIGTERM to the launcher
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server exits after SIGTERM");
            assertTrue(serverJvm.onExit().get(10, TimeUnit.SECONDS) != null && !serverJvm.isAlive());
            String output = Files.readString(log);
            assertTrue(output.contains("Storefront stopped"), "the server's JVM stopped gracefully: " + output);
            assertFalse(output.contains("WARNING"), "an ordinary stop warns of nothing: " + output);
            assertEquals(143, server.exitValue(), "the launcher exits with the server's code: the JVM's 143 for SIGTERM");
        } finally {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    @Test
    void theServersJvmStopsWhenItsLauncherIsKilled() throws Exception {
        Path log = workDir.resolve("server.log");
        Process launcher = new ProcessBuilder(java(), "-jar", JAR.toString(), "--port=0", "--host=127.0.0.1")
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitPort(log, launcher);
            ProcessHandle serverJvm = serverJvm(launcher).orElseThrow();
            launcher.destroyForcibly(); // SIGKILL: nothing is passed on
            serverJvm.onExit().get(30, TimeUnit.SECONDS);
            assertTrue(Files.readString(log).contains("Storefront stopped"), Files.readString(log));
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void anEmptyJvmOptionsOrAnXOptionServesInTheJvmAsStarted() throws Exception {
        for (List<String> variant : List.of(List.of("--jvm-options="), List.of("-Xmx200m"))) {
            Path log = workDir.resolve("server-" + variant.size() + variant.get(0).length() + ".log");
            List<String> command = new ArrayList<>(List.of(java()));
            boolean javaOption = variant.get(0).startsWith("-X");
            if (javaOption) {
                command.addAll(variant);
            }
            command.addAll(List.of("-jar", JAR.toString(), "--port=0", "--host=127.0.0.1"));
            if (!javaOption) {
                command.addAll(variant);
            }
            Process server = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try {
                awaitPort(log, server);
                assertTrue(serverJvm(server).isEmpty(), variant + ": no second JVM");
            } finally {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
                server.destroyForcibly();
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The JVM the launcher started, if it started one. */
    private static java.util.Optional<ProcessHandle> serverJvm(Process launcher) {
        return launcher.children().findFirst();
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
