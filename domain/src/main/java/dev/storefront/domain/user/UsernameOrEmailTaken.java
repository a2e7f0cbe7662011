package dev.storefront.domain.user;

import dev.storefront.domain.common.ConflictException;
import dev.storefront.domain.common.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/** The username, the email, or both belong to another user; {@code violations()} names which. */
public class UsernameOrEmailTaken extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final boolean usernameTaken;
    private final boolean emailTaken;

    public UsernameOrEmailTaken(boolean usernameTaken, boolean emailTaken) {
        super(message(usernameTaken, emailTaken), violations(usernameTaken, emailTaken));
        this.usernameTaken = usernameTaken;
        this.emailTaken = emailTaken;
    }

    public boolean usernameTaken() {
        return usernameTaken;
    }

    public boolean emailTaken() {
        return emailTaken;
    }

    private static String message(boolean username, boolean email) {
        if (!username && !email) {
            throw new IllegalArgumentException("something must be taken");
        }
        return username && email ? "The username and the email are already in use"
                : username ? "The username is already taken" : "The email is already registered";
    }

    private static List<FieldViolation> violations(boolean username, boolean email) {
        List<FieldViolation> violations = new ArrayList<>();
        if (username) {
            violations.add(new FieldViolation("username", "is already taken"));
        }
        if (email) {
            violations.add(new FieldViolation("email", "is already registered"));
        }
        return violations;
    }
}
