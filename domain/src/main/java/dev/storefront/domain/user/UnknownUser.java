package dev.storefront.domain.user;

import dev.storefront.domain.common.NotFoundException;

/** No user by that name or id. */
public class UnknownUser extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public UnknownUser(String who) {
        super("No user " + who);
    }
}
