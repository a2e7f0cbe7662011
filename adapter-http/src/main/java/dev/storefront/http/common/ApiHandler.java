package dev.storefront.http.common;

/** One route's work: parse the request, call one use case, map the result. Runs off the I/O threads. */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiRequest request);
}
