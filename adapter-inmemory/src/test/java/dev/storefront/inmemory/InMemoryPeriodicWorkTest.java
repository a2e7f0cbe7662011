package dev.storefront.inmemory;

import dev.storefront.domain.port.out.PeriodicWork;
import dev.storefront.domain.port.out.contract.PeriodicWorkContract;

/** The periodic work contract on the in-memory fake; its "second instance" shares the store. */
class InMemoryPeriodicWorkTest extends PeriodicWorkContract {
    private PeriodicWork store;

    @Override
    protected PeriodicWork createRounds() {
        store = new InMemoryPeriodicWork();
        return store;
    }

    @Override
    protected PeriodicWork secondInstanceOnTheSameStore() {
        return store::claimRound;
    }
}
