package dev.storefront.domain.session;

import dev.storefront.domain.common.NotFoundException;

/** The session is not one of the caller's (or no longer exists). */
public class SessionNotFound extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public SessionNotFound() {
        super("No such session");
    }
}
