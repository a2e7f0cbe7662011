package dev.storefront.domain.common;

/** A dependency (the database, a bounded worker pool) cannot serve the request right now. */
public class ServiceUnavailableException extends DomainException {
    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
