package dev.storefront.domain.user;

import dev.storefront.domain.common.Text;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a new password must be: at least 8 characters, at most 72 bytes in UTF-8 (bcrypt's limit:
 * a longer one is rejected, never silently truncated), not the username or email, and not in the
 * list of common passwords. Checked on the NFC-normalised password.
 */
public final class PasswordPolicy {
    public static final int MIN_CHARACTERS = 8;
    public static final int MAX_UTF8_BYTES = 72;

    private final CommonPasswords common;

    public PasswordPolicy(CommonPasswords common) {
        this.common = Objects.requireNonNull(common, "common");
    }

    /** The policy with the shipped list of common passwords. */
    public static PasswordPolicy standard() {
        return new PasswordPolicy(CommonPasswords.shipped());
    }

    /** Whether bcrypt can hash it exactly: well-formed text of at most 72 bytes (no truncation, no {@code ?}). */
    public static boolean fitsHasher(Password password) {
        return Text.isWellFormed(password.value()) && password.utf8Length() <= MAX_UTF8_BYTES;
    }

    /** Every rule the password breaks, reported on {@code field}; empty when it is acceptable. */
    public List<FieldViolation> violations(String field, Password password, Username username, Email email) {
        List<FieldViolation> violations = new ArrayList<>();
        if (password.length() < MIN_CHARACTERS) {
            violations.add(new FieldViolation(field, "must be at least " + MIN_CHARACTERS + " characters"));
        }
        if (!Text.isWellFormed(password.value())) {
            violations.add(new FieldViolation(field, "must be valid Unicode text"));
        } else if (!fitsHasher(password)) {
            violations.add(new FieldViolation(field, "must be at most " + MAX_UTF8_BYTES + " bytes in UTF-8",
                    java.util.Map.of("maxBytes", MAX_UTF8_BYTES)));
        }
        String lower = password.value().toLowerCase(Locale.ROOT);
        if ((username != null && lower.equals(username.key())) || (email != null && lower.equals(email.value()))) {
            violations.add(new FieldViolation(field, "must not be the same as the username or email"));
        }
        if (violations.isEmpty() && common.contains(password)) {
            violations.add(new FieldViolation(field, "is too common; choose a less guessable password"));
        }
        return violations;
    }

    /** @throws InvalidInputException naming {@code field} when the password breaks a rule */
    public void require(String field, Password password, Username username, Email email) {
        List<FieldViolation> violations = violations(field, password, username, email);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
