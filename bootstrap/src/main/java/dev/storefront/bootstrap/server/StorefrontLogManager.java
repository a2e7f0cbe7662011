package dev.storefront.bootstrap.server;

import java.util.logging.LogManager;

/**
 * The standalone server's LogManager. The JDK's own shutdown hook resets logging while our
 * shutdown hook is still draining requests, which would swallow the last log lines; once the
 * configuration is read, this manager ignores that reset (handlers flush on every record anyway).
 */
public final class StorefrontLogManager extends LogManager {
    private volatile boolean configured;

    void markConfigured() {
        configured = true;
    }

    @Override
    public void reset() {
        if (!configured) {
            super.reset();
        }
    }
}
