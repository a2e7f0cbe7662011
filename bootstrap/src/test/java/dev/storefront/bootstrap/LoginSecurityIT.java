package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.in.account.LogInCommand;
import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.security.BcryptPasswordHasher;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login hardening through the embedding facade, on real bcrypt and a real SQLite file. */
class LoginSecurityIT {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;

    /** Real bcrypt, counting its verifications. */
    static final class CountingHasher implements PasswordHasher {
        final PasswordHasher delegate;
        final AtomicInteger verifications = new AtomicInteger();

        CountingHasher(PasswordHasher delegate) {
            this.delegate = delegate;
        }

        @Override
        public PasswordHash hash(Password password) {
            return delegate.hash(password);
        }

        @Override
        public boolean verify(Password password, PasswordHash hash) {
            verifications.incrementAndGet();
            return delegate.verify(password, hash);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return delegate.needsRehash(hash);
        }

        @Override
        public PasswordHash dummyHash() {
            return delegate.dummyHash();
        }
    }

    private StorefrontConfig config(int cost) {
        return StorefrontConfig.from(Map.of("DATA_DIR", dataDir.toString(), "BCRYPT_COST", Integer.toString(cost)),
                new String[0]).config();
    }

    @Test
    void unknownUserAndWrongPasswordBothRunOneBcryptVerificationAndGetTheSameBytes() throws Exception {
        CountingHasher hasher = new CountingHasher(new BcryptPasswordHasher(4));
        try (Storefront storefront = Storefront.builder().config(config(4)).passwordHasher(hasher).build()) {
            Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                    .setHandler(storefront.httpHandler()).build();
            server.start();
            try {
                int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
                storefront.accounts().registerUser().register(new RegisterUserCommand("carol", "carol@example.com", PASSWORD, null));
                HttpClient client = HttpClient.newHttpClient();
                int before = hasher.verifications.get();
                HttpResponse<String> wrong = login(client, port, "carol", "wrong password");
                assertEquals(before + 1, hasher.verifications.get(), "wrong password: one verification");
                HttpResponse<String> unknown = login(client, port, "nobody_here", "wrong password");
                assertEquals(before + 2, hasher.verifications.get(), "unknown user: one verification too");
                assertEquals(401, wrong.statusCode());
                assertEquals(401, unknown.statusCode());
                assertEquals(wrong.body(), unknown.body());
            } finally {
                server.stop();
            }
        }
    }

    private static HttpResponse<String> login(HttpClient client, int port, String login, String password)
            throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCost10HashIsRehashedAtCost12OnLogin() throws Exception {
        try (Storefront old = Storefront.builder().config(config(10)).build()) {
            old.accounts().registerUser().register(new RegisterUserCommand("dave", "dave@example.com", PASSWORD, null));
        }
        assertTrue(storedHash("dave").startsWith("$2y$10$"), storedHash("dave"));
        try (Storefront upgraded = Storefront.builder().config(config(12)).build()) {
            upgraded.accounts().logIn().logIn(new LogInCommand("dave", PASSWORD, "127.0.0.1", null, Optional.empty()));
            String hash = storedHash("dave");
            assertEquals(12, BcryptPasswordHasher.costOf(new PasswordHash(hash)), hash.substring(0, 7));
            assertTrue(new BcryptPasswordHasher(12).verify(Password.of(PASSWORD), new PasswordHash(hash)));
            upgraded.accounts().logIn().logIn(new LogInCommand("dave", PASSWORD, "127.0.0.1", null, Optional.empty()));
            assertEquals(hash, storedHash("dave"), "no further rehash at the current cost");
        }
    }

    private String storedHash(String username) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("storefront.db"));
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT password_hash FROM user_account WHERE username_key = ?")) {
            statement.setString(1, username);
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }
}
