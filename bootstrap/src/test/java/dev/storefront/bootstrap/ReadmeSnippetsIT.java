package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java snippets, compiled against this module's test class path and run, so they
 * cannot rot: the embedding program serves {@code /health} and stops cleanly on SIGTERM, the unit
 * test on the fakes passes.
 */
class ReadmeSnippetsIT {
    /** Tests run in the bootstrap module's directory. */
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)",
            Pattern.MULTILINE);
    /** What the embedding snippet binds and opens, replaced by a free port and a temp database here. */
    private static final String SNIPPET_PORT = "8080";
    private static final String SNIPPET_DATABASE = "/var/lib/shop/storefront.db";

    @TempDir
    Path work;

    private record Snippet(String className, String source) {
        boolean isProgram() {
            return source.contains("public static void main(String[] args)");
        }

        boolean isUnitTest() {
            return source.contains("@Test");
        }
    }

    private static List<Snippet> snippets() throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(Files.readString(README));
        while (block.find()) {
            Matcher name = CLASS_NAME.matcher(block.group(1));
            assertTrue(name.find(), "a README Java snippet is a whole class, imports included:\n" + block.group(1));
            snippets.add(new Snippet(name.group(1), block.group(1)));
        }
        return snippets;
    }

    /** Compiles one snippet into its own directory; fails with javac's messages. */
    private Path compile(Snippet snippet, String source) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src-" + snippet.className()));
        Path classes = Files.createDirectories(work.resolve("classes-" + snippet.className()));
        Path file = Files.writeString(sources.resolve(snippet.className() + ".java"), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            boolean compiled = javac.getTask(null, files, diagnostics, List.of("--release", "17", "-proc:none",
                            "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()), null,
                    files.getJavaFileObjects(file)).call();
            assertTrue(compiled, "the README snippet " + snippet.className() + " compiles: " + diagnostics.getDiagnostics());
        }
        return classes;
    }

    @Test
    void everySnippetIsAWholeClassAndTheTwoKindsAreThere() throws Exception {
        List<Snippet> snippets = snippets();
        assertTrue(snippets.stream().anyMatch(Snippet::isProgram), "the embedding program");
        assertTrue(snippets.stream().anyMatch(Snippet::isUnitTest), "the unit test on the fakes");
        for (Snippet snippet : snippets) {
            assertTrue(snippet.isProgram() || snippet.isUnitTest(), snippet.className() + " is run by this test");
        }
    }

    @Test
    void theUnitTestOnTheFakesCompilesAndPasses() throws Exception {
        for (Snippet snippet : snippets()) {
            if (!snippet.isUnitTest()) {
                continue;
            }
            Path classes = compile(snippet, snippet.source());
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    getClass().getClassLoader())) {
                Class<?> type = loader.loadClass(snippet.className());
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                Object test = constructor.newInstance();
                int ran = 0;
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(Test.class)) {
                        method.setAccessible(true);
                        method.invoke(test); // an assertion that fails throws here
                        ran++;
                    }
                }
                assertTrue(ran > 0, snippet.className() + " has test methods");
            }
        }
    }

    @Test
    void theEmbeddingProgramServesHealthThenStopsCleanlyOnSigterm() throws Exception {
        for (Snippet snippet : snippets()) {
            if (!snippet.isProgram()) {
                continue;
            }
            assertTrue(snippet.source().contains(SNIPPET_PORT) && snippet.source().contains(SNIPPET_DATABASE),
                    "the snippet still binds " + SNIPPET_PORT + " and opens " + SNIPPET_DATABASE);
            int port = freePort();
            Path database = work.resolve("shop.db");
            Path classes = compile(snippet, snippet.source().replace(SNIPPET_PORT, Integer.toString(port))
                    .replace(SNIPPET_DATABASE, database.toString()));
            Path log = work.resolve(snippet.className() + ".log");
            Process program = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classes + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                    snippet.className()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                assertEquals(200, awaitHealth(port, program, log), () -> read(log));
                program.destroy(); // SIGTERM
                assertTrue(program.waitFor(30, TimeUnit.SECONDS), "the JVM exits after SIGTERM: " + read(log));
                assertEquals(143, program.exitValue(), "ended by SIGTERM, through its shutdown hook: " + read(log));
                String output = read(log);
                assertFalse(output.contains("Exception") || output.contains("SEVERE"), output);
            } finally {
                program.destroyForcibly();
            }
        }
    }

    private static int awaitHealth(int port, Process program, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && program.isAlive()) {
            try {
                return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the embedding program never answered /health: " + read(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
