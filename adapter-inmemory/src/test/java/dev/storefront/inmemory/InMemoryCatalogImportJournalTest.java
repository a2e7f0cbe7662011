package dev.storefront.inmemory;

import dev.storefront.domain.port.out.CatalogImportJournal;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.CatalogImportJournalContract;

class InMemoryCatalogImportJournalTest extends CatalogImportJournalContract {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryCatalogImportJournal journal = new InMemoryCatalogImportJournal(transactions);

    @Override
    protected CatalogImportJournal journal() {
        return journal;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
