package dev.storefront.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.user.UserId;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The id records of every aggregate: positive numbers, nothing else. */
class IdentityTest {

    static Stream<Arguments> ids() {
        return Stream.of(
                Arguments.of("ProductId", (LongFunction<Object>) ProductId::new),
                Arguments.of("OrderId", (LongFunction<Object>) OrderId::new),
                Arguments.of("UserId", (LongFunction<Object>) UserId::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void nonPositiveIsRejected(String name, LongFunction<Object> id) {
        assertThrows(IllegalArgumentException.class, () -> id.apply(0), name + "(0)");
        assertThrows(IllegalArgumentException.class, () -> id.apply(-1), name + "(-1)");
        assertThrows(IllegalArgumentException.class, () -> id.apply(Long.MIN_VALUE), name + "(MIN)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void positiveIsAcceptedAndPrintsAsTheNumber(String name, LongFunction<Object> id) {
        assertEquals("1", id.apply(1).toString());
        assertEquals(Long.toString(Long.MAX_VALUE), id.apply(Long.MAX_VALUE).toString());
        assertEquals(id.apply(42), id.apply(42), name + " is a value");
    }
}
