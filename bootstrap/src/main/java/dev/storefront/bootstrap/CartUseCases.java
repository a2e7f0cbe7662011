package dev.storefront.bootstrap;

import dev.storefront.domain.port.in.cart.AddCartItemUseCase;
import dev.storefront.domain.port.in.cart.ClearCartUseCase;
import dev.storefront.domain.port.in.cart.GetCartUseCase;
import dev.storefront.domain.port.in.cart.RemoveCartItemUseCase;
import dev.storefront.domain.port.in.cart.SetCartItemQuantityUseCase;

/** The cart use cases, as {@code storefront.cart()} gives them. */
public record CartUseCases(
        GetCartUseCase getCart,
        AddCartItemUseCase addItem,
        SetCartItemQuantityUseCase setItemQuantity,
        RemoveCartItemUseCase removeItem,
        ClearCartUseCase clearCart) {}
