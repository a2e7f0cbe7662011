package dev.storefront.testing.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The installed PostgreSQL client and server programs the cluster is run with: one {@code bin} directory. */
final class PostgresBinaries {

    /** System property, or else environment variable, naming a PostgreSQL {@code bin} directory to use. */
    static final String BIN_DIR_SETTING = "STOREFRONT_PG_BIN";

    /** Where Debian's {@code postgresql} package puts each major version: {@code /usr/lib/postgresql/15/bin}. */
    static final Path DEBIAN_INSTALL_ROOT = Path.of("/usr/lib/postgresql");

    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "psql", "createdb", "dropdb");

    private final Path binDir;

    private PostgresBinaries(Path binDir) {
        this.binDir = binDir;
    }

    /** The configured bin directory if {@value #BIN_DIR_SETTING} is set, otherwise the highest installed version. */
    static PostgresBinaries locate() {
        String configured = System.getProperty(BIN_DIR_SETTING, System.getenv(BIN_DIR_SETTING));
        return locate(Optional.ofNullable(configured).filter(value -> !value.isBlank()), DEBIAN_INSTALL_ROOT);
    }

    /** As {@link #locate()}, with the setting and the install root given rather than read from the process. */
    static PostgresBinaries locate(Optional<String> configuredBinDir, Path installRoot) {
        if (configuredBinDir.isPresent()) {
            Path binDir = Path.of(configuredBinDir.get());
            if (!hasEveryProgram(binDir)) {
                throw missing(BIN_DIR_SETTING + "=" + binDir + " does not hold all of " + PROGRAMS);
            }
            return new PostgresBinaries(binDir);
        }
        return installedVersions(installRoot).stream()
                .map(version -> version.resolve("bin"))
                .filter(PostgresBinaries::hasEveryProgram)
                .findFirst()
                .map(PostgresBinaries::new)
                .orElseThrow(() -> missing("no PostgreSQL server binaries (" + PROGRAMS + ") in "
                        + installRoot + "/*/bin"));
    }

    Path binDir() {
        return binDir;
    }

    String program(String name) {
        return binDir.resolve(name).toString();
    }

    /** The version directories under the install root, highest version first (15 before 9.6). */
    private static List<Path> installedVersions(Path installRoot) {
        if (!Files.isDirectory(installRoot)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(installRoot)) {
            return entries.filter(entry -> entry.getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .sorted(Comparator.comparing(PostgresBinaries::versionOf, Arrays::compare).reversed())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + installRoot + ": " + e, e);
        }
    }

    private static int[] versionOf(Path versionDir) {
        return Arrays.stream(versionDir.getFileName().toString().split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    private static boolean hasEveryProgram(Path binDir) {
        return PROGRAMS.stream().map(binDir::resolve).allMatch(Files::isExecutable);
    }

    /** Never a silent skip: the message says how to get the binaries, and how a developer opts out. */
    private static IllegalStateException missing(String what) {
        return new IllegalStateException("The PostgreSQL test suites need an installed PostgreSQL, but there is "
                + what + ". Install it with `apt-get install -y postgresql` (Debian, Ubuntu), or run `./test.sh`"
                + " from the repository root, which installs what the tests need and runs them; or point the"
                + " environment variable " + BIN_DIR_SETTING + " at a PostgreSQL bin directory. A developer may"
                + " skip the PostgreSQL suites explicitly with `mvn -B verify -D" + PostgresCluster.OPT_OUT_PROPERTY
                + "=skip` (never on CI).");
    }
}
