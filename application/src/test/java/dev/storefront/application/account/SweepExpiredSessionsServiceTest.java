package dev.storefront.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.in.account.StartGuestSessionUseCase.StartGuestSessionCommand;
import dev.storefront.domain.port.out.Transactions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SweepExpiredSessionsServiceTest {
    private final AccountKit kit = new AccountKit();
    /** How many sessions each write transaction removed. */
    private final List<Integer> removedPerTransaction = new ArrayList<>();

    private final Transactions counting = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            int before = kit.sessions.size();
            T result = kit.transactions.inTransaction(work);
            removedPerTransaction.add(before - kit.sessions.size());
            return result;
        }

        @Override
        public <T> T readOnly(Supplier<T> work) {
            return kit.transactions.readOnly(work);
        }
    };

    @Test
    void sweepsAFloodOfExpiredSessionsInBatchesOfBoundedSizeEachItsOwnTransaction() {
        int expired = 2 * SweepExpiredSessionsService.BATCH + 1;
        for (int i = 0; i < expired; i++) {
            kit.startGuest.startGuestSession(new StartGuestSessionCommand(null));
        }
        kit.time.advance(Duration.ofMinutes(31));
        kit.startGuest.startGuestSession(new StartGuestSessionCommand(null));
        SweepExpiredSessionsService sweep = new SweepExpiredSessionsService(counting, kit.sessions, kit.resetTokens,
                kit.verificationTokens, kit.time, kit.settings);

        assertEquals(expired, sweep.sweepExpired());

        assertEquals(1, kit.sessions.size(), "the live session stays");
        assertTrue(removedPerTransaction.stream().allMatch(n -> n <= SweepExpiredSessionsService.BATCH),
                removedPerTransaction.toString());
        int batch = SweepExpiredSessionsService.BATCH;
        assertEquals(List.of(batch, batch, 1, 0), removedPerTransaction, "three batches, then the reset tokens");
    }
}
