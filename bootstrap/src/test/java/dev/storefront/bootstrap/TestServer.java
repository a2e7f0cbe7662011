package dev.storefront.bootstrap;

import dev.storefront.testing.postgres.PostgresCluster;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.bootstrap.server.StorefrontServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real server on 127.0.0.1, port 0, a SQLite file in a temp directory, bcrypt cost 4, and a
 * plain HTTP client without a cookie manager: tests carry cookies by hand and see every flag.
 * With {@code -Dstorefront.test.engine=postgresql} (bootstrap's second failsafe run) the database
 * is instead a fresh PostgreSQL database on the throwaway cluster, one per data directory, so a
 * restart on the same directory finds the same data.
 */
final class TestServer implements AutoCloseable {
    static final boolean ON_POSTGRES = "postgresql".equals(System.getProperty("storefront.test.engine"));
    private static final Map<Path, String> POSTGRES_DATABASES = new ConcurrentHashMap<>();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Pattern TOKEN_LINE = Pattern.compile("(?m)^token: ([A-Za-z0-9_-]+)\\r?$");

    final StorefrontServer server;
    final Path dataDir;
    private final HttpTestClient client;

    private TestServer(StorefrontServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.client = new HttpTestClient(server.port());
    }

    static TestServer start(Path dataDir, Map<String, String> extra) {
        return start(dataDir, extra, UnaryOperator.identity());
    }

    /** With a customised facade: a {@code ManualTimeSource}, extra routes, fake ports. */
    static TestServer start(Path dataDir, Map<String, String> extra, UnaryOperator<StorefrontBuilder> customise) {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "HOST", "127.0.0.1",
                "DATA_DIR", dataDir.toString(), "BCRYPT_COST", "4", "DEMO_CATALOG", "false",
                // Every test client comes from 127.0.0.1: the shoppers of a test are not one client.
                "REGISTRATIONS_PER_HOUR", "1000000", "GUEST_SESSIONS_PER_HOUR", "1000000"));
        env.putAll(databaseEnvironment(dataDir));
        env.putAll(extra);
        return new TestServer(StorefrontServer.start(StorefrontConfig.from(env, new String[0]).config(), customise),
                dataDir);
    }

    /**
     * What a server or command on {@code dataDir} needs to find its database: nothing on SQLite
     * (the file in the directory), the database's URL and user on PostgreSQL.
     */
    static Map<String, String> databaseEnvironment(Path dataDir) {
        if (!ON_POSTGRES) {
            return Map.of();
        }
        return Map.of("DATABASE_URL", POSTGRES_DATABASES.computeIfAbsent(dataDir.toAbsolutePath(),
                directory -> PostgresCluster.shared().createDatabase()), "DATABASE_USER", PostgresCluster.SUPERUSER);
    }

    static TestServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** A username no other test uses. */
    static String uniqueName(String prefix) {
        return prefix + NAMES.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 100_000, 36);
    }

    Response send(String method, String path, String json, String sid, String... headers) {
        return client.send(method, path, json, sid, headers);
    }

    Response get(String path, String sid) {
        return send("GET", path, null, sid);
    }

    Response post(String path, String json, String sid) {
        return send("POST", path, json, sid);
    }

    Response register(String username, String password) {
        return post("/api/register", "{\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.com\",\"password\":\"" + password + "\"}", null);
    }

    Response login(String login, String password, String sid) {
        return post("/api/login", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}", sid);
    }

    /** Registers a user and logs in; returns the SID. */
    String registeredAndLoggedIn(String username, String password) {
        Response registered = register(username, password);
        if (registered.status() != 201) {
            throw new AssertionError("register: " + registered);
        }
        return login(username, password, null).sid();
    }

    static final String RESET_SUBJECT = "Reset your Storefront password";
    static final String VERIFICATION_SUBJECT = "Confirm your Storefront email address";
    static final String CHANGE_NOTICE_SUBJECT = "Your Storefront email address is about to change";

    /** The token of the newest reset message in the outbox addressed to {@code email}. */
    String tokenFromOutbox(String email) {
        return awaitNewToken(email, RESET_SUBJECT, Set.of());
    }

    /**
     * Waits for a mail with {@code subject} to {@code email} whose token is not in {@code seen}
     * (mail goes out off the request thread), and returns that token.
     */
    String awaitNewToken(String email, String subject, Set<String> seen) {
        Matcher matcher = TOKEN_LINE.matcher(awaitMail(email, subject, mail -> {
            Matcher token = TOKEN_LINE.matcher(mail);
            return token.find() && !seen.contains(token.group(1));
        }));
        matcher.find();
        return matcher.group(1);
    }

    /** Waits for a mail with {@code subject} to {@code email} that is {@code wanted}, and returns the newest such. */
    String awaitMail(String email, String subject, Predicate<String> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> mails = mailsInOutbox(email, subject);
            for (int i = mails.size() - 1; i >= 0; i--) {
                if (wanted.test(mails.get(i))) {
                    return mails.get(i);
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no new mail \"" + subject + "\" for " + email + " in " + dataDir.resolve("outbox"));
    }

    /** The tokens of the mails with {@code subject} to {@code email}, oldest first. */
    List<String> tokensInOutbox(String email, String subject) {
        List<String> tokens = new ArrayList<>();
        for (String mail : mailsInOutbox(email, subject)) {
            Matcher matcher = TOKEN_LINE.matcher(mail);
            if (matcher.find()) {
                tokens.add(matcher.group(1));
            }
        }
        return tokens;
    }

    /** The texts of the mails with {@code subject} to {@code email}, oldest first. */
    List<String> mailsInOutbox(String email, String subject) {
        Path outbox = dataDir.resolve("outbox");
        try (Stream<Path> files = Files.exists(outbox) ? Files.list(outbox) : Stream.empty()) {
            List<String> mails = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                String mail = Files.readString(file);
                if (mail.contains("To: " + email + "\n") && mail.contains("Subject: " + subject + "\n")) {
                    mails.add(mail);
                }
            }
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reset mails in the outbox (verification mails, sent at registration, are not counted). */
    long outboxCount() {
        try (Stream<Path> files = Files.exists(dataDir.resolve("outbox")) ? Files.list(dataDir.resolve("outbox"))
                : Stream.empty()) {
            return files.filter(p -> p.toString().endsWith(".eml")).filter(p -> {
                try {
                    return Files.readString(p).contains("Subject: " + RESET_SUBJECT + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
