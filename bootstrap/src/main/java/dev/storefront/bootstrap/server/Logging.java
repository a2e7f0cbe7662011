package dev.storefront.bootstrap.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;

/**
 * Sets up java.util.logging for the standalone server. System.Logger (the application's) and SLF4J
 * (the adapters', through slf4j-jdk14) both end up there, so one file configures everything.
 */
final class Logging {
    private Logging() {}

    /** Must run before any logger exists: it chooses the LogManager. */
    static void configure() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", StorefrontLogManager.class.getName());
        }
        LogManager manager = LogManager.getLogManager();
        if (System.getProperty("java.util.logging.config.file") == null
                && System.getProperty("java.util.logging.config.class") == null) {
            try (InputStream in = Logging.class.getResourceAsStream("logging.properties")) {
                if (in != null) {
                    manager.readConfiguration(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (manager instanceof StorefrontLogManager storefront) {
            storefront.markConfigured();
        }
    }
}
