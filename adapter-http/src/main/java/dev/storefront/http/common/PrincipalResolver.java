package dev.storefront.http.common;

import java.util.Optional;

/**
 * Finds the logged-in user of a request (from its session cookie). Called at most once per
 * request, on a worker thread, and only by routes that ask who is calling.
 */
@FunctionalInterface
public interface PrincipalResolver {
    Optional<Principal> resolve(ApiRequest request);

    /** No sessions at all: every request is anonymous. */
    PrincipalResolver ANONYMOUS = request -> Optional.empty();
}
