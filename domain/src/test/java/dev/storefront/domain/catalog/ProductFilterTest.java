package dev.storefront.domain.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.common.PageRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductFilterTest {
    private static List<String> fields(InvalidInputException e) {
        return e.violations().stream().map(FieldViolation::field).toList();
    }

    @Test
    void blankTextMeansNoTextFilter() {
        assertNull(new ProductFilter("   ", null, null, null, false).text());
        assertEquals("mug", new ProductFilter(" mug ", null, null, null, false).text());
    }

    @Test
    void rejectsAMinimumAboveTheMaximum() {
        assertEquals(List.of("minPrice"), fields(assertThrows(InvalidInputException.class,
                () -> new ProductFilter(null, null, new BigDecimal("10.01"), new BigDecimal("10"), false))));
        new ProductFilter(null, null, new BigDecimal("10"), new BigDecimal("10.00"), false);
    }

    @Test
    void rejectsNegativeOrOverPrecisePricesAndOverlongText() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new ProductFilter("x".repeat(101), "", new BigDecimal("-1"), new BigDecimal("1.001"), false));

        assertEquals(List.of("q", "category", "minPrice", "maxPrice"), fields(e));
    }

    @Test
    void givesPriceBoundsInMinorUnits() {
        ProductFilter filter = new ProductFilter(null, null, new BigDecimal("1.5"), new BigDecimal("20"), false);

        assertEquals(Optional.of(150L), filter.minPriceMinorUnits());
        assertEquals(Optional.of(2000L), filter.maxPriceMinorUnits());
    }

    @Test
    void boundsAboveEveryPossiblePriceAreCappedNotRefused() {
        ProductFilter filter = new ProductFilter(null, null, new BigDecimal("1e30"), new BigDecimal("1e30"), false);

        assertEquals(Optional.of(10_000_000_000L), filter.minPriceMinorUnits());
        assertEquals(Optional.of(10_000_000_000L), filter.maxPriceMinorUnits());
    }

    @Test
    void sortsAreKnownByTheirApiNames() {
        assertEquals(Optional.of(ProductSort.PRICE_DESCENDING), ProductSort.fromApiName("-price"));
        assertEquals(Optional.empty(), ProductSort.fromApiName("PRICE"));
        assertEquals(ProductSort.NAME, ProductSort.DEFAULT);
    }

    @Test
    void pageRequestsStayWithinBounds() {
        assertEquals(40, new PageRequest(3, 20).offset());
        assertEquals(List.of("page", "pageSize"), fields(assertThrows(InvalidInputException.class,
                () -> new PageRequest(0, 101))));
    }
}
