package dev.storefront.testing.postgres;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PostgreSQL programs, each bounded in time. Output goes to files rather than pipes, so a
 * program that leaves a child behind (pg_ctl's server) can never block the caller; a failed step
 * throws with its command, exit code, stdout and stderr.
 */
final class Commands {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path workDir;
    private final List<String> asClusterOwner;

    /**
     * @param workDir the directory the programs run in (one the cluster's owner can enter)
     * @param asClusterOwner the prefix that runs initdb and pg_ctl as the cluster's owner
     *     ({@code runuser -u postgres --} when running as root, which initdb refuses), or none
     */
    Commands(Path workDir, List<String> asClusterOwner) {
        this.workDir = workDir;
        this.asClusterOwner = List.copyOf(asClusterOwner);
    }

    /** Runs a program as the cluster's owner (initdb, pg_ctl). */
    String runAsOwner(String step, List<String> command) {
        List<String> prefixed = new ArrayList<>(asClusterOwner);
        prefixed.addAll(command);
        return run(step, prefixed, null);
    }

    /** Runs a client program (psql, createdb, dropdb) as this process's user; {@code stdin} may be null. */
    String run(String step, List<String> command, String stdin) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("storefront-pg-", ".out");
            stderr = Files.createTempFile("storefront-pg-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            // PGHOST, PGDATABASE, PGOPTIONS… of the developer's shell must not redirect the harness.
            builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
            if (stdin == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            Process process = builder.start();
            if (stdin != null) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw failure(step, command, "did not finish within " + TIMEOUT.toSeconds() + " s", stdout, stderr);
            }
            if (process.exitValue() != 0) {
                throw failure(step, command, "exited with " + process.exitValue(), stdout, stderr);
            }
            return Files.readString(stdout);
        } catch (IOException e) {
            throw new IllegalStateException(step + ": cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(step + ": interrupted while running " + command, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static IllegalStateException failure(String step, List<String> command, String how, Path stdout,
            Path stderr) throws IOException {
        return new IllegalStateException(step + " failed: " + String.join(" ", command) + " " + how
                + "\n--- stdout ---\n" + Files.readString(stdout) + "--- stderr ---\n" + Files.readString(stderr));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover temp file of a few bytes is not worth failing a test for.
            }
        }
    }
}
