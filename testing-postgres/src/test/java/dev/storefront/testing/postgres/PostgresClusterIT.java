package dev.storefront.testing.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresClusterIT {

    private static PostgresCluster cluster;

    @BeforeAll
    static void startPrivateCluster() {
        assumeFalse(PostgresCluster.optedOut(), "PostgreSQL suites skipped: -Dstorefront.postgres=skip");
        cluster = PostgresCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void listensOnLoopbackOnly_onAPortBelowTheEphemeralRange() throws IOException {
        assertTrue(cluster.port() >= 15000 && cluster.port() < 32768, "port " + cluster.port());
        assertTrue(accepts("127.0.0.1", cluster.port()));
        // 127.0.0.2 is this machine too: a server on 0.0.0.0 (or every interface) would accept there.
        assertFalse(accepts("127.0.0.2", cluster.port()));
        assertEquals("127.0.0.1", cluster.psql("postgres", "SHOW listen_addresses").strip());
    }

    @Test
    void createsSeparateDatabases_andRunsSqlInOne() {
        String first = cluster.createDatabase();
        String second = cluster.createDatabase();

        assertNotEquals(first, second);
        assertTrue(first.startsWith("jdbc:postgresql://127.0.0.1:" + cluster.port() + "/"), first);
        cluster.psql(first, "CREATE TABLE note (body text); INSERT INTO note VALUES ('in the first');");
        assertEquals("in the first", cluster.psql(first, "SELECT body FROM note").strip());
        assertEquals("", cluster.psql(second, "SELECT to_regclass('note')").strip());
        assertEquals(cluster.user(), cluster.psql(second, "SELECT current_user").strip());
    }

    @Test
    void dropsADatabase() {
        String database = cluster.createDatabase();
        String name = database.substring(database.lastIndexOf('/') + 1);

        cluster.dropDatabase(database);

        assertEquals("0", cluster.psql("postgres",
                "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'").strip());
    }

    @Test
    void aFailingStatement_throwsWithPsqlsError() {
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> cluster.psql("postgres", "SELECT no_such_column FROM pg_database"));

        assertTrue(failed.getMessage().contains("no_such_column"), failed.getMessage());
    }

    @Test
    void theServerLogIsReadable_withWarningsAndErrors() {
        cluster.psql("postgres", "DO $$ BEGIN RAISE WARNING 'harness log marker'; END $$;");

        assertTrue(Files.isRegularFile(cluster.logFile()));
        assertTrue(cluster.log().contains("WARNING:  harness log marker"), cluster.log());
    }

    @Test
    void testSettingsAreInEffect() {
        assertEquals("off|300|200ms", cluster.psql("postgres",
                "SELECT current_setting('fsync') || '|' || current_setting('max_connections') || '|'"
                        + " || current_setting('deadlock_timeout')").strip());
    }

    @Test
    void aBuilderOverridesSettings_andCloseStopsTheServerAndDeletesItsDirectory() throws IOException {
        PostgresCluster durable = PostgresCluster.builder().durable().setting("log_line_prefix", "%m it's mine ").start();
        Path directory = durable.directory();
        int port = durable.port();
        assertEquals("on|on|%m it's mine ", durable.psql("postgres", "SELECT current_setting('fsync') || '|'"
                + " || current_setting('synchronous_commit') || '|' || current_setting('log_line_prefix')")
                .stripLeading().replace("\n", ""));

        durable.close();

        assertFalse(accepts("127.0.0.1", port), "still listening on " + port);
        assertFalse(Files.exists(directory), directory + " still exists");
    }

    @Test
    void theSharedClusterIsStoppedAndDeletedWhenTheJvmExits() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SharedClusterProbe.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not exit");
        String[] portAndDirectory = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .strip().split(" ", 2);
        assertEquals(0, jvm.exitValue());

        assertFalse(accepts("127.0.0.1", Integer.parseInt(portAndDirectory[0])), "the shared cluster still runs");
        assertFalse(Files.exists(Path.of(portAndDirectory[1])), portAndDirectory[1] + " still exists");
    }

    private static boolean accepts(String address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }
}
