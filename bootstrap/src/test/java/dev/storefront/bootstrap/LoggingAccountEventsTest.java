package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storefront.domain.port.out.AccountEvents.AccountEvent;
import dev.storefront.domain.port.out.AccountEvents.Type;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoggingAccountEventsTest {

    @Test
    void writesOneStructuredLinePerEvent() {
        assertEquals("account-event type=LOGGED_IN user=12 address=127.0.0.1 at=2026-11-22T10:15:30Z",
                LoggingAccountEvents.line(new AccountEvent(Type.LOGGED_IN, Instant.parse("2026-11-22T10:15:30Z"),
                        new UserId(12), "127.0.0.1")));
        assertEquals("account-event type=LOGIN_FAILED user=- address=- at=2026-11-22T10:15:30Z",
                LoggingAccountEvents.line(new AccountEvent(Type.LOGIN_FAILED, Instant.parse("2026-11-22T10:15:30Z"),
                        null, null)));
    }

    @Test
    void cannotBeMadeToWriteASecondLine() {
        String line = LoggingAccountEvents.line(new AccountEvent(Type.LOGGED_OUT, Instant.EPOCH, null,
                "1.2.3.4\nforged=line"));
        assertEquals(-1, line.indexOf('\n'));
    }
}
