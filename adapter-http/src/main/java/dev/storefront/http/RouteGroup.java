package dev.storefront.http;

import dev.storefront.http.common.Router;

/** A feature's routes (health, accounts, catalog, …), registered into the API's router. */
@FunctionalInterface
public interface RouteGroup {
    void register(Router router);
}
