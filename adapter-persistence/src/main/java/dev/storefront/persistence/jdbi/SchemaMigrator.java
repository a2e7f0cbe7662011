package dev.storefront.persistence.jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.jdbi.v3.core.Handle;

/**
 * Applies the versioned SQL scripts of an engine (in {@code location} on the classpath) that the
 * database has not seen, in order, each in its own write transaction, and records them in
 * {@code schema_version}. Safe to run from several processes at once: the target's write
 * transaction serialises them (SQLite's write lock, an advisory lock on PostgreSQL) and each
 * re-reads the applied versions under it. The scripts are named like Flyway's
 * ({@code V1__init.sql}) so a host application can run them with its own migration tool instead.
 */
public final class SchemaMigrator {
    private static final System.Logger LOG = System.getLogger(SchemaMigrator.class.getName());
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    /** Where the migrations run: in a write transaction that excludes every other migrator. */
    @FunctionalInterface
    public interface Target {
        <T> T inTransaction(Function<Handle, T> work);
    }

    private final Target target;
    private final Dialect dialect;
    private final String location;
    private final List<String> scripts;

    /**
     * @param location the classpath folder of the scripts, ending in {@code /}
     * @param scripts  every migration, oldest first
     */
    public SchemaMigrator(Target target, Dialect dialect, String location, List<String> scripts) {
        this.target = Objects.requireNonNull(target, "target");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.location = Objects.requireNonNull(location, "location");
        this.scripts = List.copyOf(scripts);
    }

    record Script(int version, String description, String name, String sql, long checksum) {}

    public void migrate() {
        List<Script> scripts = this.scripts.stream().map(this::load).collect(Collectors.toList());
        for (int i = 1; i < scripts.size(); i++) {
            if (scripts.get(i).version() <= scripts.get(i - 1).version()) {
                throw new IllegalStateException("migration versions must increase: " + scripts.get(i).name());
            }
        }
        int newestKnown = scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
        for (Script script : scripts) {
            target.inTransaction(handle -> apply(handle, script, newestKnown));
        }
    }

    private boolean apply(Handle handle, Script script, int newestKnown) {
        handle.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                + " version INTEGER PRIMARY KEY,"
                + " description TEXT NOT NULL,"
                + " script TEXT NOT NULL,"
                + " checksum BIGINT NOT NULL,"
                + " installed_at BIGINT NOT NULL)");
        Map<Integer, Long> applied = appliedChecksums(handle);
        int newest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newest > newestKnown) {
            throw new IllegalStateException("the database schema (version " + newest
                    + ") is newer than this Storefront knows (" + newestKnown + ")");
        }
        Long checksum = applied.get(script.version());
        if (checksum != null) {
            if (checksum != script.checksum()) {
                throw new IllegalStateException("migration " + script.name()
                        + " was changed after it had been applied to this database");
            }
            return false;
        }
        dialect.runScript(handle, script.sql());
        handle.createUpdate("INSERT INTO schema_version (version, description, script, checksum, installed_at)"
                        + " VALUES (:version, :description, :name, :checksum, :installedAt)")
                .bind("version", script.version())
                .bind("description", script.description())
                .bind("name", script.name())
                .bind("checksum", script.checksum())
                .bind("installedAt", Instant.now().toEpochMilli())
                .execute();
        LOG.log(Level.INFO, "applied database migration {0}", script.name());
        return true;
    }

    private static Map<Integer, Long> appliedChecksums(Handle handle) {
        return handle.createQuery("SELECT version, checksum FROM schema_version")
                .map((rs, ctx) -> Map.entry(rs.getInt("version"), rs.getLong("checksum")))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Script load(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalStateException("badly named migration: " + name);
        }
        String sql = Optional.ofNullable(SchemaMigrator.class.getClassLoader().getResourceAsStream(location + name))
                .map(SchemaMigrator::read)
                .orElseThrow(() -> new IllegalStateException("missing migration on the classpath: " + name));
        CRC32 crc = new CRC32();
        crc.update(sql.getBytes(StandardCharsets.UTF_8));
        return new Script(Integer.parseInt(matcher.group(1)), matcher.group(2), name, sql, crc.getValue());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
