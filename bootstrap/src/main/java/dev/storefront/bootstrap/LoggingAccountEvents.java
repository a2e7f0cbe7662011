package dev.storefront.bootstrap;

import dev.storefront.domain.port.out.AccountEvents;
import java.lang.System.Logger.Level;
import java.time.format.DateTimeFormatter;

/**
 * The default audit trail: one structured line per account event on logger
 * {@code dev.storefront.audit}, like {@code account-event type=LOGGED_IN user=12 address=127.0.0.1
 * at=2026-11-22T10:15:30.123Z}. Events carry no secrets; this adds none.
 */
public final class LoggingAccountEvents implements AccountEvents {
    private static final System.Logger LOG = System.getLogger("dev.storefront.audit");

    /**
     * Every event at INFO. A client can cause most of them at will, and the cheapest cost the server
     * next to nothing (a throttled login hashes no password): at WARNING, each request of a flood
     * would write a WARNING line. None of them alone asks an operator to act; a flood is seen by
     * counting lines, not by their level.
     */
    @Override
    public void record(AccountEvent event) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, line(event));
        }
    }

    static String line(AccountEvent event) {
        return "account-event type=" + event.type()
                + " user=" + (event.userId() == null ? "-" : event.userId().toString())
                + " address=" + (event.clientAddress() == null ? "-" : event.clientAddress().replaceAll("[^0-9A-Fa-f.:%]", "?"))
                + " at=" + DateTimeFormatter.ISO_INSTANT.format(event.at());
    }
}
