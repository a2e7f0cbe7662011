package dev.storefront.bootstrap;

import dev.storefront.domain.port.in.account.DeleteAccountUseCase;
import dev.storefront.domain.port.in.account.ExportAccountDataUseCase;

/** Export and deletion of an account, as {@code storefront.accountData()} gives them. */
public record AccountDataUseCases(ExportAccountDataUseCase exportData, DeleteAccountUseCase deleteAccount) {}
