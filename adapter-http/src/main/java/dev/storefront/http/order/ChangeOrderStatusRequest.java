package dev.storefront.http.order;

import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.port.in.order.ChangeOrderStatusCommand;
import dev.storefront.http.common.HttpProblemException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** {@code POST /api/orders/{id}/status}: {@code {"status": "PAID"}}, one of the order states by name. */
public record ChangeOrderStatusRequest(String status) {
    private static final String STATES = Arrays.stream(OrderStatus.values()).map(OrderStatus::name)
            .collect(Collectors.joining(", "));

    /** @throws HttpProblemException 400 on {@code status} when it is missing or not a state */
    public ChangeOrderStatusCommand toCommand(OrderId id) {
        if (status == null) {
            throw HttpProblemException.invalid("status", "is required");
        }
        for (OrderStatus candidate : OrderStatus.values()) {
            if (candidate.name().equals(status)) {
                return new ChangeOrderStatusCommand(id, candidate);
            }
        }
        throw HttpProblemException.invalid("status", "must be one of " + STATES);
    }
}
