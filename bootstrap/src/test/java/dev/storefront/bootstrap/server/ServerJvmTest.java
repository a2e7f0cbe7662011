package dev.storefront.bootstrap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerJvmTest {
    private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx128m");
    private static final Optional<Path> JAR = Optional.of(Path.of("/opt/storefront.jar"));
    private static final Path JAVA_HOME = Path.of("/usr/lib/jvm/java-17");

    @Test
    void aPlainJavaJarServesInAJvmWithTheOptionsKeepingPropertiesAndArguments() {
        List<String> command = ServerJvm.command(OPTIONS, Map.of(), List.of("-Dfile.encoding=UTF-8"), JAR, JAVA_HOME,
                List.of("serve", "--port=8080")).orElseThrow();
        assertEquals(List.of(JAVA_HOME.resolve("bin").resolve("java").toString(), "-XX:+UseSerialGC", "-Xmx128m",
                "-Dfile.encoding=UTF-8", "-cp", "/opt/storefront.jar", "dev.storefront.bootstrap.server.Main", "serve",
                "--port=8080"), command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-Xmx512m", "-Xss1m", "-XX:+UseG1GC", "-XX:MaxRAMPercentage=50",
            "-agentpath:/opt/profiler.so", "-javaagent:/opt/agent.jar"})
    void aJvmTheOperatorSetUpServesAsItIs(String option) {
        assertTrue(ServerJvm.command(OPTIONS, Map.of(), List.of(option), JAR, JAVA_HOME, List.of()).isEmpty());
        assertTrue(ServerJvm.command(OPTIONS, Map.of("JAVA_TOOL_OPTIONS", "-Dx=1 " + option), List.of(), JAR,
                JAVA_HOME, List.of()).isEmpty(), "options the JVM takes from the environment count too");
        assertTrue(ServerJvm.command(OPTIONS, Map.of("JDK_JAVA_OPTIONS", option), List.of(), JAR, JAVA_HOME,
                List.of()).isEmpty());
    }

    @Test
    void noOptionsTheServersOwnJvmOrNoJarMeanServingHere() {
        assertTrue(ServerJvm.command(List.of(), Map.of(), List.of(), JAR, JAVA_HOME, List.of()).isEmpty());
        assertTrue(ServerJvm.command(OPTIONS, Map.of(ServerJvm.SERVER_JVM_MARKER, "1"), List.of(), JAR, JAVA_HOME,
                List.of()).isEmpty(), "the server's JVM never starts another");
        assertTrue(ServerJvm.command(OPTIONS, Map.of(), List.of(), Optional.empty(), JAVA_HOME, List.of()).isEmpty(),
                "from classes (tests, an embedding application) there is no jar to start");
    }
}
