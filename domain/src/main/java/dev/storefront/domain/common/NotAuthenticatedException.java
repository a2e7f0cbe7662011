package dev.storefront.domain.common;

/** The caller has to be logged in, or the credentials it gave are not valid. */
public class NotAuthenticatedException extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotAuthenticatedException(String message) {
        super(message);
    }
}
