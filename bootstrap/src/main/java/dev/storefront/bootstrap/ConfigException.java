package dev.storefront.bootstrap;

/** A configuration value that cannot be used; its message is one line naming the variable. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
