package dev.storefront.bootstrap.server;

import dev.storefront.bootstrap.Storefront;
import dev.storefront.domain.port.out.AccountMailer;
import dev.storefront.domain.port.out.PasswordResetNotifier;
import dev.storefront.domain.user.Email;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * The standalone server's mail: each message (password reset, email verification, email change
 * notice) becomes one file in the outbox directory ({@code MAIL_OUTBOX}), written atomically and
 * readable by its owner only. A body with a token carries the link a real mail would, and the
 * token on a line of its own as {@code token: <TOKEN>}; the change notice carries none. Lines end
 * in LF, not a mail's CRLF: the files are read by people and scripts ({@code grep '^token: '} must
 * not keep a {@code \r}). Replace it with a real mailer through
 * {@code StorefrontBuilder#passwordResetNotifier} and {@code StorefrontBuilder#accountMailer}.
 */
public final class FileOutboxNotifier implements PasswordResetNotifier, AccountMailer {
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MAIL_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    public static final String DEFAULT_LINK_PREFIX = "/reset-password?token=";
    /** Appended to {@code PUBLIC_URL} for the verification link. */
    public static final String VERIFICATION_PATH = "/verify-email?token=";

    private final Path outbox;
    private final String linkPrefix;
    private final String verificationLinkPrefix;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param outbox                 the directory (created when missing)
     * @param linkPrefix             what the reset token is appended to for the link, e.g. {@code https://shop.example.com/reset-password?token=}
     * @param verificationLinkPrefix what the verification token is appended to, e.g. {@code https://shop.example.com/verify-email?token=}
     */
    public FileOutboxNotifier(Path outbox, String linkPrefix, String verificationLinkPrefix) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.linkPrefix = Objects.requireNonNull(linkPrefix, "linkPrefix");
        this.verificationLinkPrefix = Objects.requireNonNull(verificationLinkPrefix, "verificationLinkPrefix");
    }

    public FileOutboxNotifier(Path outbox, String linkPrefix) {
        this(outbox, linkPrefix, VERIFICATION_PATH);
    }

    public FileOutboxNotifier(Path outbox) {
        this(outbox, DEFAULT_LINK_PREFIX);
    }

    /** The server's outbox, its reset and verification links absolute, built from {@code publicUrl} (PUBLIC_URL). */
    public static FileOutboxNotifier forPublicUrl(Path outbox, String publicUrl) {
        return new FileOutboxNotifier(outbox, publicUrl + DEFAULT_LINK_PREFIX, publicUrl + VERIFICATION_PATH);
    }

    public Path outbox() {
        return outbox;
    }

    @Override
    public void sendPasswordReset(PasswordResetMessage message) {
        Instant now = Instant.now();
        long minutes = Math.max(1, (Duration.between(now, message.expiresAt()).toSeconds() + 59) / 60);
        String body = headers(message.to(), "Reset your Storefront password", now)
                + "Hello " + message.username().value() + ",\n"
                + "\n"
                + "someone, hopefully you, asked to reset the password of your Storefront account.\n"
                + "To choose a new password, open this link within " + minutes + (minutes == 1 ? " minute:\n" : " minutes:\n")
                + link(linkPrefix, "reset", message.token(), message.expiresAt())
                + "If you did not ask for this, ignore this message: your password stays as it is.\n";
        write(body, now);
    }

    @Override
    public void sendEmailVerification(VerificationMessage message) {
        Instant now = Instant.now();
        String body = headers(message.to(), "Confirm your Storefront email address", now)
                + "Hello " + message.username().value() + ",\n"
                + "\n"
                + "please confirm that this address belongs to your Storefront account by opening this link:\n"
                + link(verificationLinkPrefix, "verification", message.token(), message.expiresAt())
                + "If you did not ask for this, ignore this message: nothing changes.\n";
        write(body, now);
    }

    @Override
    public void sendEmailChangeNotice(EmailChangeNotice notice) {
        Instant now = Instant.now();
        String body = headers(notice.to(), "Your Storefront email address is about to change", now)
                + "Hello " + notice.username().value() + ",\n"
                + "\n"
                + "someone asked to change the email address of your Storefront account to\n"
                + notice.newEmail().value() + ".\n"
                + "The change takes effect only once it is confirmed from that address; until then this\n"
                + "address stays the account's. If this was not you, log in, change your password and set\n"
                + "your email back to this address, which cancels the change.\n";
        write(body, now);
    }

    /** The link, and the token on a line of its own for scripts and for typing it in. */
    private static String link(String prefix, String page, String token, Instant expiresAt) {
        return "\n"
                + prefix + token + "\n"
                + "\n"
                + "or enter this code on the " + page + " page:\n"
                + "\n"
                + "token: " + token + "\n"
                + "\n"
                + "The link works once, until " + DateTimeFormatter.ISO_INSTANT.format(
                        expiresAt.truncatedTo(ChronoUnit.SECONDS)) + ".\n";
    }

    private static String headers(Email to, String subject, Instant now) {
        return "To: " + to.value() + "\n"
                + "Subject: " + subject + "\n"
                + "Date: " + MAIL_DATE.format(now) + "\n"
                + "Content-Type: text/plain; charset=utf-8\n"
                + "\n";
    }

    private void write(String body, Instant now) {
        try {
            createOwnerOnlyDirectory(outbox);
            byte[] suffix = new byte[4];
            random.nextBytes(suffix);
            String name = FILE_TIME.format(now) + "-" + HexFormat.of().formatHex(suffix) + ".eml";
            Path temporary = outbox.resolve("." + name + ".tmp");
            // Owner-only from its creation: the token is never readable by others, not even briefly.
            try (var channel = Files.newByteChannel(temporary, ownerOnlyOptions(), ownerOnly())) {
                channel.write(java.nio.ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
            }
            try {
                Files.move(temporary, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, outbox.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the mail outbox", e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static Set<OpenOption> ownerOnlyOptions() {
        return Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static FileAttribute<?>[] ownerOnly() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }

    /** Creates the directory, and any missing parents, readable by its owner only; an existing one stays as it is. */
    static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }
}
