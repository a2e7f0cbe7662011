package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.port.in.account.RequestPasswordResetUseCase.RequestPasswordResetCommand;
import dev.storefront.inmemory.InMemoryPasswordHasher;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * An embedded Storefront uses only what its builder is told: it reads no environment, writes no
 * file it was not given, and its {@code config()} reports the database it really uses.
 */
class EmbeddedDefaultsIT {
    @TempDir
    Path dir;

    @Test
    void configReportsTheBuildersDatabaseUrlNotTheConfigsDefault() {
        String url = "jdbc:sqlite:" + dir.resolve("shop.db");
        try (Storefront storefront = Storefront.builder().databaseUrl(url).build()) {
            assertEquals(url, storefront.config().databaseUrl());
        }
    }

    @Test
    void configSaysWhenTheApplicationSuppliedTheDataSource() {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("host.db"));
        try (Storefront storefront = Storefront.builder().dataSource(dataSource).build()) {
            assertEquals("supplied data source", storefront.config().databaseUrl());
        }
    }

    @Test
    void withoutADatabaseTheBuilderSaysWhatToGiveInsteadOfOpeningOneInTheWorkingDirectory() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> Storefront.builder().build());
        assertTrue(missing.getMessage().contains("databaseUrl"), missing.getMessage());
    }

    @Test
    void withoutANotifierAResetRequestWritesNoFileAndLogsThatNoMailWasSent() {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try (Storefront storefront = Storefront.builder()
                .databaseUrl("jdbc:sqlite:" + dir.resolve("shop.db"))
                .passwordHasher(new InMemoryPasswordHasher())
                .build()) {
            storefront.accounts().registerUser().register(
                    new RegisterUserCommand("erin", "erin@example.com", "correct horse battery", "10.0.0.1"));
            storefront.accounts().requestPasswordReset().requestPasswordReset(
                    new RequestPasswordResetCommand("erin@example.com", "10.0.0.1"));
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(1, warnings.stream().filter(w -> w.getMessage().contains("no PasswordResetNotifier")).count(),
                () -> "warnings: " + warnings.stream().map(LogRecord::getMessage).toList());
        assertEquals(1, warnings.stream().filter(w -> w.getMessage().contains("no AccountMailer")).count(),
                "the registration's verification mail was not sent either, and says so once");
        assertTrue(warnings.stream().noneMatch(w -> String.valueOf(w.getParameters() == null ? "" : List.of(w.getParameters()))
                .contains("erin@example.com")), "the warning names no address");
    }
}
