package dev.storefront.persistence.jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.jdbi.v3.core.Handle;

/**
 * Applies the versioned SQL scripts in {@code dev/storefront/persistence/migration/} that the
 * database has not seen, in order, each in its own write transaction, and records them in
 * {@code schema_version}. Safe to run from several processes at once: the write lock serialises
 * them and each re-reads the applied versions under it. The scripts are named like Flyway's
 * ({@code V1__init.sql}) so a host application can run them with its own migration tool instead.
 */
final class SchemaMigrator {
    private static final System.Logger LOG = System.getLogger(SchemaMigrator.class.getName());
    static final String LOCATION = "dev/storefront/persistence/migration/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    /** Every migration, oldest first. A new script is added at the end of this list. */
    static final List<String> SCRIPTS = List.of(
            "V1__init.sql",
            "V2__accounts.sql",
            "V3__catalog.sql",
            "V4__cart.sql",
            "V5__orders.sql",
            "V6__catalog_covering_indexes.sql",
            "V7__catalog_version.sql",
            "V8__account_version.sql",
            "V9__in_stock_flag.sql",
            "V10__reset_tokens_live.sql",
            "V11__catalog_import_journal.sql");

    private final JdbiTransactions transactions;
    private final List<String> scripts;

    SchemaMigrator(JdbiTransactions transactions) {
        this(transactions, SCRIPTS);
    }

    /** Applies only {@code scripts}, the first ones of {@link #SCRIPTS}: tests build an older database with it. */
    SchemaMigrator(JdbiTransactions transactions, List<String> scripts) {
        this.transactions = transactions;
        this.scripts = List.copyOf(scripts);
    }

    record Script(int version, String description, String name, String sql, long checksum) {}

    void migrate() {
        List<Script> scripts = this.scripts.stream().map(SchemaMigrator::load).collect(Collectors.toList());
        for (int i = 1; i < scripts.size(); i++) {
            if (scripts.get(i).version() <= scripts.get(i - 1).version()) {
                throw new IllegalStateException("migration versions must increase: " + scripts.get(i).name());
            }
        }
        int newestKnown = scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
        for (Script script : scripts) {
            transactions.inTransaction(() -> apply(script, newestKnown));
        }
    }

    private boolean apply(Script script, int newestKnown) {
        return transactions.withHandle(handle -> {
            handle.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + " version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL,"
                    + " script TEXT NOT NULL,"
                    + " checksum INTEGER NOT NULL,"
                    + " installed_at INTEGER NOT NULL)");
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
            handle.createScript(script.sql()).execute();
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
        });
    }

    private static Map<Integer, Long> appliedChecksums(Handle handle) {
        return handle.createQuery("SELECT version, checksum FROM schema_version")
                .map((rs, ctx) -> Map.entry(rs.getInt("version"), rs.getLong("checksum")))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    static Script load(String name) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalStateException("badly named migration: " + name);
        }
        String sql = Optional.ofNullable(SchemaMigrator.class.getClassLoader().getResourceAsStream(LOCATION + name))
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
