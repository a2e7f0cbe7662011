package dev.storefront.bootstrap.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code bootstrap/target/storefront.jar} as a separate process, its output in a file. */
final class JarServer {
    static final Path JAR = Path.of("target", "storefront.jar").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    final Process process;
    final Path log;
    final int port;

    private JarServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static Map<String, String> environment(Path dataDir) {
        return Map.of("PORT", "0", "HOST", "127.0.0.1", "DATA_DIR", dataDir.toString(), "BCRYPT_COST", "4",
                "DEMO_CATALOG", "false");
    }

    private static ProcessBuilder builder(Path dataDir, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dataDir.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment(dataDir));
        return builder;
    }

    /** Runs a command of the jar (import-catalog, grant-admin) to its end; its exit code. */
    static int run(Path dataDir, Path log, String... args) throws IOException, InterruptedException {
        Process process = builder(dataDir, log, args).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end: " + Files.readString(log));
        }
        return process.exitValue();
    }

    /** Starts the server and waits until it logs its port. */
    static JarServer start(Path dataDir, Path log) throws IOException, InterruptedException {
        Process process = builder(dataDir, log).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher matcher = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (matcher.find()) {
                return new JarServer(process, log, Integer.parseInt(matcher.group(1)));
            }
            Thread.sleep(25); // the port exists only in the log line; poll it
        }
        process.destroyForcibly();
        throw new AssertionError("the server never logged its port: " + Files.readString(log));
    }

    /** SIGKILL: no shutdown hook, no graceful close, nothing flushed that was not already committed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the server survived SIGKILL");
        }
    }

    /** SIGTERM, then wait for the graceful exit. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop on SIGTERM");
        }
    }
}
