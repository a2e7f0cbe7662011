package dev.storefront.testing.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresBinariesTest {

    @TempDir
    Path temp;

    @Test
    void aConfiguredBinDirWithoutThePrograms_failsTheStartWithHowToInstallThem() throws IOException {
        Path emptyBinDir = Files.createDirectory(temp.resolve("bin"));

        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> PostgresCluster.builder()
                .binaries(Optional.of(emptyBinDir.toString()), temp.resolve("no-install-root"))
                .start());

        assertInstallInstructions(missing.getMessage());
        assertTrue(missing.getMessage().contains("STOREFRONT_PG_BIN=" + emptyBinDir), missing.getMessage());
    }

    @Test
    void noInstalledVersion_failsWithHowToInstallIt() throws IOException {
        Path installRoot = Files.createDirectories(temp.resolve("usr/lib/postgresql"));

        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> PostgresBinaries.locate(Optional.empty(), installRoot));

        assertInstallInstructions(missing.getMessage());
    }

    @Test
    void theHighestInstalledVersionIsUsed_comparedAsNumbers() throws IOException {
        Path installRoot = temp.resolve("usr/lib/postgresql");
        for (String version : List.of("9.6", "15", "10")) {
            fakeBinDir(installRoot.resolve(version).resolve("bin"));
        }
        Files.createDirectories(installRoot.resolve("16/bin")); // an incomplete install is passed over
        Files.createDirectories(installRoot.resolve("debian-extras"));

        assertEquals(installRoot.resolve("15/bin"), PostgresBinaries.locate(Optional.empty(), installRoot).binDir());
    }

    private static void fakeBinDir(Path binDir) throws IOException {
        Files.createDirectories(binDir);
        for (String program : List.of("initdb", "pg_ctl", "psql", "createdb", "dropdb")) {
            Files.createFile(binDir.resolve(program), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
        }
    }

    private static void assertInstallInstructions(String message) {
        for (String instruction : List.of("apt-get install -y postgresql", "./test.sh", "-Dstorefront.postgres=skip")) {
            assertTrue(message.contains(instruction), () -> "no '" + instruction + "' in: " + message);
        }
    }
}
