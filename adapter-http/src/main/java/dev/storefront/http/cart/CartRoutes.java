package dev.storefront.http.cart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.cart.CartLineNotFound;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase.ResolvedSession;
import dev.storefront.domain.port.in.cart.AddCartItemUseCase;
import dev.storefront.domain.port.in.cart.CartQuery;
import dev.storefront.domain.port.in.cart.ClearCartCommand;
import dev.storefront.domain.port.in.cart.ClearCartUseCase;
import dev.storefront.domain.port.in.cart.GetCartUseCase;
import dev.storefront.domain.port.in.cart.RemoveCartItemCommand;
import dev.storefront.domain.port.in.cart.RemoveCartItemUseCase;
import dev.storefront.domain.port.in.cart.SetCartItemQuantityUseCase;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.Router;
import dev.storefront.http.common.SessionCookies;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * The Cart rows of api.md. Whose cart: the logged-in user's (shared by all their sessions), else
 * the guest session's. Only {@code POST /api/cart/items} starts a guest session (and sets the
 * cookie), and only once its body is valid; without a session {@code GET} and {@code DELETE /api/cart}
 * answer an empty cart and the line routes 404, and none of them creates a session.
 */
public final class CartRoutes implements RouteGroup {

    /** The use cases behind the routes. */
    public record UseCases(GetCartUseCase getCart, AddCartItemUseCase addItem, SetCartItemQuantityUseCase setQuantity,
                           RemoveCartItemUseCase removeItem, ClearCartUseCase clearCart) {
        public UseCases {
            Objects.requireNonNull(getCart, "getCart");
            Objects.requireNonNull(addItem, "addItem");
            Objects.requireNonNull(setQuantity, "setQuantity");
            Objects.requireNonNull(removeItem, "removeItem");
            Objects.requireNonNull(clearCart, "clearCart");
        }
    }

    private final UseCases useCases;
    private final SessionCookies cookies;
    private final Currency currency;

    /** @param currency the store's currency, for the empty cart of a client without a session */
    public CartRoutes(UseCases useCases, SessionCookies cookies, Currency currency) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    @Override
    public void register(Router router) {
        router.get("/api/cart", this::getCart);
        router.delete("/api/cart", this::clearCart);
        router.post("/api/cart/items", this::addItem);
        router.put("/api/cart/items/{productId}", this::setQuantity);
        router.delete("/api/cart/items/{productId}", this::removeItem);
    }

    private static CartOwner ownerOf(ResolvedSession session) {
        return session.user().<CartOwner>map(user -> CartOwner.user(user.id()))
                .orElseGet(() -> CartOwner.guest(session.session().handle()));
    }

    private Optional<CartOwner> currentOwner(ApiRequest request) {
        return cookies.current(request).map(CartRoutes::ownerOf);
    }

    private static ApiResponse cart(CartView view) {
        return ApiResponse.ok(CartResponse.from(view));
    }

    private ApiResponse getCart(ApiRequest request) {
        return cart(currentOwner(request)
                .map(owner -> useCases.getCart().getCart(new CartQuery(owner)))
                .orElseGet(() -> CartView.empty(currency)));
    }

    private ApiResponse clearCart(ApiRequest request) {
        return cart(currentOwner(request)
                .map(owner -> useCases.clearCart().clearCart(new ClearCartCommand(owner)))
                .orElseGet(() -> CartView.empty(currency)));
    }

    private ApiResponse addItem(ApiRequest request) {
        AddCartItemRequest body = AddCartItemRequest.from(request.body(ObjectNode.class));
        // A refused add (unknown product, over stock) leaves no guest session behind.
        return cookies.withCurrentOrNewGuest(request,
                session -> cart(useCases.addItem().addItem(body.toCommand(ownerOf(session)))));
    }

    private ApiResponse setQuantity(ApiRequest request) {
        ProductId productId = new ProductId(request.pathId("productId"));
        SetCartItemQuantityRequest body = SetCartItemQuantityRequest.from(request.body(ObjectNode.class));
        CartOwner owner = currentOwner(request).orElseThrow(() -> new CartLineNotFound(productId));
        return cart(useCases.setQuantity().setQuantity(body.toCommand(owner, productId)));
    }

    private ApiResponse removeItem(ApiRequest request) {
        ProductId productId = new ProductId(request.pathId("productId"));
        CartOwner owner = currentOwner(request).orElseThrow(() -> new CartLineNotFound(productId));
        return cart(useCases.removeItem().removeItem(new RemoveCartItemCommand(owner, productId)));
    }
}
