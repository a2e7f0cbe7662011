package dev.storefront.bootstrap.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs {@code serve} in a JVM of its own, started with {@code JVM_OPTIONS}, when the JVM of
 * {@code java -jar storefront.jar} was given no memory settings. Without any, the JVM sizes its heap
 * from the machine, not from the application: on a 24 GB host it starts with a 384 MB heap, lets
 * G1's young generation use up to 60 % of it and grows it under load, so the server held 350–520 MB
 * whatever it allocated (docs/performance.md). A heap cannot be resized from inside, and
 * {@code java -jar} reads no JVM options from the jar, so this launcher starts the server's JVM,
 * passes SIGTERM and Ctrl-C on, and exits with its exit code (143, the JVM's for SIGTERM, after a
 * graceful stop) — the pattern of Elasticsearch's
 * launcher. A {@code java} command with an {@code -X…} option or an agent is the operator's choice
 * and serves in that JVM; so does {@code JVM_OPTIONS=} (empty).
 */
final class ServerJvm {
    /**
     * glibc gives each thread that mallocs its own arena, up to 8 per core, and keeps what the JIT
     * compilers freed in them: 20–30 MB of resident memory measured. Two arenas are enough here.
     */
    private static final Map<String, String> SERVER_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");
    /** In the server JVM's environment: it serves and never launches another. */
    static final String SERVER_JVM_MARKER = "STOREFRONT_SERVER_JVM";
    /** As long as the server's own graceful stop may take, and then some. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final System.Logger LOG = System.getLogger(ServerJvm.class.getName());

    private ServerJvm() {
    }

    /**
     * The command that starts the server's JVM, or empty to serve in this one.
     *
     * @param inputArguments this JVM's options ({@code RuntimeMXBean.getInputArguments()})
     * @param jar            the jar this code runs from; empty when it runs from classes (tests, embedding)
     */
    static Optional<List<String>> command(List<String> jvmOptions, Map<String, String> environment,
                                          List<String> inputArguments, Optional<Path> jar, Path javaHome,
                                          List<String> args) {
        boolean operatorsChoice = Stream.concat(inputArguments.stream(), optionsInEnvironment(environment))
                .anyMatch(ServerJvm::setsTheJvmUp);
        if (jvmOptions.isEmpty() || environment.containsKey(SERVER_JVM_MARKER) || jar.isEmpty() || operatorsChoice) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        command.addAll(inputArguments); // system properties (-D…) as the operator gave them
        command.addAll(List.of("-cp", jar.get().toString(), Main.class.getName()));
        command.addAll(args);
        return Optional.of(command);
    }

    /** The command for this process: its JVM's options, its jar, its java. */
    static Optional<List<String>> commandForThisProcess(List<String> jvmOptions, Map<String, String> environment,
                                                        List<String> args) {
        return command(jvmOptions, environment,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(), thisJar(),
                Path.of(System.getProperty("java.home")), args);
    }

    /**
     * Starts the server's JVM on this process's stdin, stdout and stderr, and waits for it.
     *
     * @return its exit code
     */
    static int run(List<String> command, List<String> jvmOptions) throws IOException {
        // The server's stdin is a pipe from this process: when it ends, even by SIGKILL, the server
        // reads end-of-input at once and stops (stopWithLauncher).
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        SERVER_ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
        // Already among the command's options (the JVM expanded them here): not twice.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().put(SERVER_JVM_MARKER, "1");
        Child child = new Child();
        // SIGTERM or Ctrl-C to this process: stop the server the same way and wait for its graceful
        // end. Registered before the start, so no signal falls between the two.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> child.stopping().ifPresent(server -> {
            stop(server);
            // Exit with the server's code (143 after a graceful stop on SIGTERM, 130 on Ctrl-C), not
            // this JVM's own; once a shutdown has begun only halt sets it, and nothing is left to run here.
            if (!server.isAlive()) {
                Runtime.getRuntime().halt(server.exitValue());
            }
        }), "storefront-launcher-stop"));
        Optional<Process> started = child.start(builder);
        if (started.isEmpty()) {
            return Main.FAILED; // shutting down already: nothing is started that nobody would stop
        }
        Process server = started.get();
        // Only the JVM options of Storefront's own setting: the command line may hold secrets (-D…).
        LOG.log(Level.INFO, "serving in a JVM of its own (pid " + server.pid() + ") with JVM_OPTIONS "
                + String.join(" ", jvmOptions));
        while (true) {
            try {
                return server.waitFor();
            } catch (InterruptedException e) {
                // Only a shutdown ends this wait, and the hook above sees the server to its end.
            }
        }
    }

    /**
     * In the server's JVM: when the launcher is gone (SIGKILL leaves no time to pass anything on),
     * stop gracefully rather than run on with nobody to stop it.
     */
    static void stopWithLauncher(Map<String, String> environment) {
        if (!environment.containsKey(SERVER_JVM_MARKER)) {
            return;
        }
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent: the launcher only keeps the pipe open
                }
            } catch (IOException e) {
                // a broken pipe is the launcher gone too
            }
            // Only when the launcher died without passing a signal on (SIGKILL): an ordinary stop
            // signals this JVM and keeps the pipe open until it has ended.
            LOG.log(Level.WARNING, "the launcher process ended; stopping");
            System.exit(Main.FAILED);
        }, "storefront-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** The server's process, started unless the launcher is already shutting down. */
    private static final class Child {
        private Process process;
        private boolean stopping;

        synchronized Optional<Process> start(ProcessBuilder builder) throws IOException {
            if (!stopping) {
                process = builder.start();
            }
            return Optional.ofNullable(process);
        }

        synchronized Optional<Process> stopping() {
            stopping = true;
            return Optional.ofNullable(process);
        }
    }

    private static void stop(Process server) {
        // SIGTERM through the handle: Process.destroy() would also close the server's stdin, which
        // the server takes for the launcher gone (stopWithLauncher), racing its exit code to 1.
        server.toHandle().destroy();
        try {
            if (!server.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Heap, GC, stack, code cache and agents: what an operator sets on a {@code java} command. */
    private static boolean setsTheJvmUp(String option) {
        return option.startsWith("-X") || option.startsWith("-agent") || option.startsWith("-javaagent");
    }

    /** Options the JVM also takes from the environment, which the server's JVM would inherit. */
    private static Stream<String> optionsInEnvironment(Map<String, String> environment) {
        return Stream.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")
                .map(name -> environment.getOrDefault(name, ""))
                .flatMap(value -> Arrays.stream(value.trim().split("\\s+")));
    }

    private static Optional<Path> thisJar() {
        CodeSource source = ServerJvm.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            // Started with java -jar: the class path is the jar alone, so it alone starts the server.
            // From a class path of several entries (a host application) there is nothing to relaunch.
            boolean onlyTheJar = Path.of(System.getProperty("java.class.path")).toAbsolutePath()
                    .equals(location.toAbsolutePath());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar") && onlyTheJar
                    ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
