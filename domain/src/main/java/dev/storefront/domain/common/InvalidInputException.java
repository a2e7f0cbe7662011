package dev.storefront.domain.common;

import java.util.List;

/** Input that breaks a rule, field by field. Nothing was changed. */
public class InvalidInputException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    /** A rule broken by the request as a whole rather than by one field. */
    protected InvalidInputException(String message, List<FieldViolation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String summary(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("at least one violation is required");
        }
        return violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid";
    }
}
