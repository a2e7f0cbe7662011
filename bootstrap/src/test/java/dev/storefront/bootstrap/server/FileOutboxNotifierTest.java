package dev.storefront.bootstrap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
}
