package dev.storefront.bootstrap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storefront.domain.port.out.AccountMailer.EmailChangeNotice;
import dev.storefront.domain.port.out.AccountMailer.VerificationMessage;
import dev.storefront.domain.port.out.PasswordResetNotifier.PasswordResetMessage;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.Username;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutboxNotifierTest {
    @TempDir
    Path dir;

    @Test
    void writesOneOwnerOnlyFilePerMessageWithTheTokenOnALineOfItsOwn() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path outbox = dir.resolve("outbox");
        new FileOutboxNotifier(outbox).sendPasswordReset(new PasswordResetMessage(new Email("alice@example.com"),
                new Username("alice"), "AbC_123-token", Instant.parse("2026-11-22T10:30:00Z")));

        List<Path> files;
        try (Stream<Path> listing = Files.list(outbox)) {
            files = listing.toList();
        }
        assertEquals(1, files.size(), "one file, no temporary left behind: " + files);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox)));
        String mail = Files.readString(files.get(0));
        // LF line ends, so a script's grep '^token: ' gets the token without a trailing "\r".
        assertTrue(List.of(mail.split("\n")).contains("token: AbC_123-token"), mail);
        assertTrue(mail.indexOf('\r') < 0, "no CR anywhere: " + mail);
        assertTrue(mail.contains("To: alice@example.com"), mail);
    }

    private String onlyMail(Path outbox) throws Exception {
        try (Stream<Path> listing = Files.list(outbox)) {
            List<Path> files = listing.toList();
            assertEquals(1, files.size(), files.toString());
            return Files.readString(files.get(0));
        }
    }

    @Test
    void aVerificationMailCarriesTheTokenOnItsOwnLineAndALinkFromThePublicUrl() throws Exception {
        Path outbox = dir.resolve("verification");
        FileOutboxNotifier.forPublicUrl(outbox, "https://shop.example.com").sendEmailVerification(
                new VerificationMessage(new Email("alice.new@example.com"), new Username("alice"), "AbC_123-token",
                        Instant.parse("2026-11-22T10:30:00Z")));
        String mail = onlyMail(outbox);
        List<String> lines = List.of(mail.split("\n"));
        assertTrue(lines.contains("token: AbC_123-token"), mail);
        assertTrue(lines.contains("https://shop.example.com/verify-email?token=AbC_123-token"), mail);
        assertTrue(lines.contains("To: alice.new@example.com"), mail);
    }

    @Test
    void aResetMailOfTheServerLinksToThePublicUrl() throws Exception {
        // A relative link cannot be opened from a mail client: the server's links are absolute.
        Path outbox = dir.resolve("reset-public");
        FileOutboxNotifier.forPublicUrl(outbox, "https://shop.example.com").sendPasswordReset(
                new PasswordResetMessage(new Email("alice@example.com"), new Username("alice"), "AbC_123-token",
                        Instant.parse("2026-11-22T10:30:00Z")));
        List<String> lines = List.of(onlyMail(outbox).split("\n"));
        assertTrue(lines.contains("https://shop.example.com/reset-password?token=AbC_123-token"), lines.toString());
        assertTrue(lines.contains("To choose a new password, open this link within 1 minute:"), lines.toString());
    }

    @Test
    void theChangeNoticeToTheOldAddressCarriesNoToken() throws Exception {
        Path outbox = dir.resolve("notice");
        FileOutboxNotifier.forPublicUrl(outbox, "https://shop.example.com").sendEmailChangeNotice(
                new EmailChangeNotice(new Email("alice@example.com"), new Username("alice"),
                        new Email("alice.new@example.com")));
        String mail = onlyMail(outbox);
        assertTrue(mail.contains("To: alice@example.com\n"), mail);
        assertTrue(mail.contains("alice.new@example.com"), mail);
        assertFalse(mail.contains("token"), mail);
    }
}
