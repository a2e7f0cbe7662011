package dev.storefront.http.account;

import dev.storefront.domain.port.in.account.ExportAccountDataUseCase.AccountData;
import dev.storefront.http.account.SessionListResponse.SessionResponse;
import dev.storefront.http.address.AddressResponse;
import dev.storefront.http.cart.CartResponse;
import dev.storefront.http.order.OrderResponse;
import java.util.List;

/**
 * {@code GET /api/user/export}: {@code {"profile": User, "sessions": [Session], "orders": [Order],
 * "cart": Cart, "addresses": [], "passkeys": [Passkey]}}, each rendered as its own endpoint renders it (money as strings).
 * {@code "passkeys": [Passkey]} as {@code GET /api/user/passkeys} lists them, {@code "addresses": [Address]}
 * as {@code GET /api/user/addresses} lists them; a new section is one more component here, filled from
 * {@link AccountData}.
 */
public record AccountExportResponse(UserResponse profile, List<SessionResponse> sessions, List<OrderResponse> orders,
                                    CartResponse cart, List<AddressResponse> addresses,
                                    List<PasskeyRoutes.PasskeyJson> passkeys) {

    public static AccountExportResponse from(AccountData data) {
        return new AccountExportResponse(UserResponse.from(data.profile()),
                data.sessions().stream().map(SessionResponse::from).toList(),
                data.orders().stream().map(OrderResponse::from).toList(),
                CartResponse.from(data.cart()),
                data.addresses().stream().map(AddressResponse::from).toList(),
                data.passkeys().stream().map(PasskeyRoutes.PasskeyJson::from).toList());
    }
}
