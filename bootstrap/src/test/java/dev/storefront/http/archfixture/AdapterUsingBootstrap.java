package dev.storefront.http.archfixture;

import dev.storefront.bootstrap.StorefrontConfig;

/** Deliberately bad: an adapter class that reaches back into bootstrap. */
public final class AdapterUsingBootstrap {
    public int port() {
        return StorefrontConfig.defaults().port();
    }
}
