package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storefront.domain.port.out.AccountEvents.AccountEvent;
import dev.storefront.domain.port.out.AccountEvents.Type;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

    /** A client can cause these at will (a throttled login costs no hashing): none may be a WARNING line. */
    @Test
    void logsEveryEventAtInfoSoNoClientCanDriveWarningLines() {
        Logger audit = Logger.getLogger("dev.storefront.audit");
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level before = audit.getLevel();
        audit.setLevel(Level.ALL);
        audit.addHandler(capture);
        try {
            Map<Type, Level> levels = new EnumMap<>(Type.class);
            for (Type type : Type.values()) {
                records.clear();
                new LoggingAccountEvents().record(new AccountEvent(type, Instant.EPOCH, null, "203.0.113.9"));
                assertEquals(1, records.size(), type.toString());
                levels.put(type, records.get(0).getLevel());
            }
            Map<Type, Level> allInfo = new EnumMap<>(Type.class);
            for (Type type : Type.values()) {
                allInfo.put(type, Level.INFO);
            }
            assertEquals(allInfo, levels);
        } finally {
            audit.removeHandler(capture);
            audit.setLevel(before);
        }
    }
}
