package dev.storefront.domain.common;

import java.util.List;

/** The request is well-formed but conflicts with the current state (taken name, stock, order state). */
public abstract class ConflictException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldViolation> violations;

    protected ConflictException(String message) {
        this(message, List.of());
    }

    protected ConflictException(String message, List<FieldViolation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** Which fields conflict, when the conflict is about fields (for example a taken username). */
    public List<FieldViolation> violations() {
        return violations;
    }
}
