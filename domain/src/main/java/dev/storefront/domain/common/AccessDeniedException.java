package dev.storefront.domain.common;

/** The caller is known but may not do this. */
public class AccessDeniedException extends DomainException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
