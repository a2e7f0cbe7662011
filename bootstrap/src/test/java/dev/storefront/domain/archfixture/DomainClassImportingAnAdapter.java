package dev.storefront.domain.archfixture;

import dev.storefront.http.HttpSettings;

/**
 * A deliberately bad "domain" class (test sources only, never imported by ArchitectureTest): it
 * reaches into the HTTP adapter, which the architecture rules must reject.
 */
public final class DomainClassImportingAnAdapter {
    public HttpSettings leak() {
        return HttpSettings.defaults();
    }
}
