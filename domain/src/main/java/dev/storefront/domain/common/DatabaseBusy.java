package dev.storefront.domain.common;

/**
 * The database stayed locked by another connection (another process's long write, such as a
 * catalog import) for longer than the store waits: nothing was written, and trying again shortly
 * is expected to work.
 */
public class DatabaseBusy extends ServiceUnavailableException {
    private static final long serialVersionUID = 1L;

    public DatabaseBusy() {
        super("The database is busy; try again shortly");
    }
}
