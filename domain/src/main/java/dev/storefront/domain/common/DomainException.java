package dev.storefront.domain.common;

/**
 * Base of every rule the domain enforces. Subclasses are specific and carry data; the category
 * they extend ({@link InvalidInputException}, {@link NotFoundException}, …) is what the HTTP
 * adapter maps to a status code, in one place.
 */
public abstract class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
