package dev.storefront.bootstrap;

import dev.storefront.domain.port.in.address.AddAddressUseCase;
import dev.storefront.domain.port.in.address.DeleteAddressUseCase;
import dev.storefront.domain.port.in.address.ListAddressesUseCase;
import dev.storefront.domain.port.in.address.UpdateAddressUseCase;

/** The address book, as {@code storefront.addresses()} gives it. */
public record AddressUseCases(ListAddressesUseCase listAddresses, AddAddressUseCase addAddress,
                              UpdateAddressUseCase updateAddress, DeleteAddressUseCase deleteAddress) {}
