package dev.storefront.domain.common;

/** The thing asked for does not exist, or is not the caller's to see (the two are not told apart). */
public abstract class NotFoundException extends DomainException {
    private static final long serialVersionUID = 1L;

    protected NotFoundException(String message) {
        super(message);
    }
}
