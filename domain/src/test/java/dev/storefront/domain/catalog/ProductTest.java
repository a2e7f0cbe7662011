package dev.storefront.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static NewProduct valid() {
        return NewProduct.create("SKU-1", "Name", "Text", "Cat", new BigDecimal("1.50"), 3, USD, NOW);
    }

    private static List<String> fields(InvalidInputException e) {
        return e.violations().stream().map(FieldViolation::field).toList();
    }

    @Test
    void theFactoryStripsTextAndStartsActive() {
        NewProduct product = NewProduct.create("SKU-1", "  Name ", null, "\tCat ", new BigDecimal("1.5"), 0, USD, NOW);

        assertEquals("Name", product.name());
        assertEquals("", product.description());
        assertEquals("Cat", product.category());
        assertEquals(Money.of("1.50", USD), product.price());
        assertTrue(product.active());
    }

    @Test
    void theFactoryReportsEveryMissingField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> NewProduct.create(null, null, null, null, null, null, USD, NOW));

        assertEquals(List.of("sku", "name", "category", "price", "stock"), fields(e));
        assertTrue(e.violations().stream().allMatch(v -> v.message().equals("is required")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "ümlaut", "slash/no",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void rejectsBadSkus(String sku) {
        assertEquals(List.of("sku"), fields(assertThrows(InvalidInputException.class,
                () -> NewProduct.create(sku, "N", "", "C", BigDecimal.ONE, 1, USD, NOW))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "A-b_c.9", "1234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsGoodSkus(String sku) {
        assertEquals(sku, NewProduct.create(sku, "N", "", "C", BigDecimal.ONE, 1, USD, NOW).sku().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "0.001", "100000000", "1.005"})
    void rejectsBadPrices(String price) {
        assertEquals(List.of("price"), fields(assertThrows(InvalidInputException.class,
                () -> NewProduct.create("S", "N", "", "C", new BigDecimal(price), 1, USD, NOW))));
    }

    @Test
    void limitsTextLengthsAndStock() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NewProduct.create("S",
                "n".repeat(201), "d".repeat(5001), "c".repeat(65), BigDecimal.ONE, 1_000_001, USD, NOW));

        assertEquals(List.of("name", "description", "category", "stock"), fields(e));
        NewProduct atLimits = NewProduct.create("S", "n".repeat(200), "d".repeat(5000), "c".repeat(64),
                new BigDecimal("99999999.99"), 1_000_000, USD, NOW);
        assertEquals(1_000_000, atLimits.stock());
    }

    @Test
    void controlCharactersAreRefusedInNamesButLineBreaksAllowedInDescriptions() {
        assertEquals(List.of("name"), fields(assertThrows(InvalidInputException.class,
                () -> NewProduct.create("S", "Bad\u0000name", "", "C", BigDecimal.ONE, 1, USD, NOW))));
        assertEquals("two\nlines", NewProduct.create("S", "N", "two\nlines", "C", BigDecimal.ONE, 1, USD, NOW).description());
    }

    @Test
    void changeKeepsWhatIsNotGivenAndChecksWhatIs() {
        Product product = valid().withId(new ProductId(1));

        Product changed = product.change(null, "New", null, null, new BigDecimal("2"), null, null);

        assertEquals("New", changed.name());
        assertEquals(Money.of("2.00", USD), changed.price());
        assertEquals(product.sku(), changed.sku());
        assertEquals(product.createdAt(), changed.createdAt());
        assertEquals(List.of("category"), fields(assertThrows(InvalidInputException.class,
                () -> product.change(null, null, null, "", null, null, null))));
    }

    @Test
    void deactivationIsIdempotent() {
        Product product = valid().withId(new ProductId(1));

        Product inactive = product.deactivate();

        assertFalse(inactive.active());
        assertSame(inactive, inactive.deactivate());
    }

    @Test
    void restoredStockMayExceedTheInputLimitButNeverGoNegative() {
        Product product = Product.restore(new ProductId(1), new Sku("S"), "N", "", "C", Money.of("1", USD), 2_000_000, true, NOW);

        assertEquals(2_000_000, product.stock());
        assertThrows(IllegalArgumentException.class,
                () -> Product.restore(new ProductId(1), new Sku("S"), "N", "", "C", Money.of("1", USD), -1, true, NOW));
    }

    @Test
    void skusAreTheSameRegardlessOfCase() {
        assertTrue(new Sku("ab-1").sameAs(new Sku("AB-1")));
        assertFalse(new Sku("ab-1").equals(new Sku("AB-1")));
    }

    @Test
    void itsTextLengthCountsTheCharactersOfSkuNameDescriptionAndCategory() {
        Product product = Product.restore(new ProductId(1), new Sku("MUG-1"), "Mug", "A big mug", "Kitchen",
                Money.of("1", USD), 3, true, NOW);
        assertEquals(5 + 3 + 9 + 7, product.textLength());
    }
}
