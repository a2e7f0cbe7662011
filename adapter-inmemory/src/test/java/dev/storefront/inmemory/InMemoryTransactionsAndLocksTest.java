package dev.storefront.inmemory;

import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.port.out.contract.LocksContract;
import dev.storefront.domain.port.out.contract.TransactionsContract;
import org.junit.jupiter.api.Nested;

/** The fakes' transactions and locks pass the contracts the database adapters pass. */
class InMemoryTransactionsAndLocksTest {

    @Nested
    class TransactionsOfTheFakes extends TransactionsContract {
        private final InMemoryTransactions transactions = new InMemoryTransactions();

        @Override
        protected Transactions transactions() {
            return transactions;
        }

        @Override
        protected UserRepository users() {
            return new InMemoryUserRepository(transactions);
        }
    }

    @Nested
    class LocksOfTheFakes extends LocksContract {
        private final InMemoryTransactions transactions = new InMemoryTransactions();

        @Override
        protected Transactions transactions() {
            return transactions;
        }

        @Override
        protected Locks locks() {
            return new InMemoryLocks(transactions);
        }

        @Override
        protected boolean writeTransactionsOverlap() {
            return false;
        }
    }
}
