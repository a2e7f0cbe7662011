package dev.storefront.http.account;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Instants as the API writes them: ISO-8601 UTC to the second ({@code 2026-11-22T10:15:30Z}). */
final class Timestamps {
    private Timestamps() {}

    static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
