package dev.storefront.http.common;

import java.util.Optional;

/**
 * Finds the logged-in user of a request (from its session cookie). Called at most once per
 * request, on a worker thread, and only by routes that ask who is calling.
 */
@FunctionalInterface
public interface PrincipalResolver {
    Optional<Principal> resolve(ApiRequest request);

    /**
     * Runs after every route, before the answer is written, whether or not the route asked who
     * was calling: the place to tell the client to forget a session that no longer exists.
     */
    default void afterRoute(ApiRequest request) {
    }

    /** No sessions at all: every request is anonymous. */
    PrincipalResolver ANONYMOUS = request -> Optional.empty();
}
