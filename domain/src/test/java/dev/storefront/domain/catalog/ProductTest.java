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
        return NewProduct.create("SKU-1", "Name", "Text", "Cat", new BigDecimal("1.50"), 3, null, USD, NOW);
    }

    private static List<String> fields(InvalidInputException e) {
        return e.violations().stream().map(FieldViolation::field).toList();
    }

    @Test
    void theFactoryStripsTextAndStartsActive() {
        NewProduct product = NewProduct.create("SKU-1", "  Name ", null, "\tCat ", new BigDecimal("1.5"), 0, null, USD, NOW);

        assertEquals("Name", product.name());
        assertEquals("", product.description());
        assertEquals("Cat", product.category());
        assertEquals(Money.of("1.50", USD), product.price());
        assertTrue(product.active());
    }

    @Test
    void theFactoryReportsEveryMissingField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> NewProduct.create(null, null, null, null, null, null, null, USD, NOW));

        assertEquals(List.of("sku", "name", "category", "price", "stock"), fields(e));
        assertTrue(e.violations().stream().allMatch(v -> v.message().equals("is required")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "ümlaut", "slash/no",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void rejectsBadSkus(String sku) {
        assertEquals(List.of("sku"), fields(assertThrows(InvalidInputException.class,
                () -> NewProduct.create(sku, "N", "", "C", BigDecimal.ONE, 1, null, USD, NOW))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "A-b_c.9", "1234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsGoodSkus(String sku) {
        assertEquals(sku, NewProduct.create(sku, "N", "", "C", BigDecimal.ONE, 1, null, USD, NOW).sku().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "0.001", "100000000", "1.005"})
    void rejectsBadPrices(String price) {
        assertEquals(List.of("price"), fields(assertThrows(InvalidInputException.class,
                () -> NewProduct.create("S", "N", "", "C", new BigDecimal(price), 1, null, USD, NOW))));
    }

    @Test
    void limitsTextLengthsAndStock() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NewProduct.create("S",
                "n".repeat(201), "d".repeat(5001), "c".repeat(65), BigDecimal.ONE, 1_000_001, null, USD, NOW));

        assertEquals(List.of("name", "description", "category", "stock"), fields(e));
        NewProduct atLimits = NewProduct.create("S", "n".repeat(200), "d".repeat(5000), "c".repeat(64),
                new BigDecimal("99999999.99"), 1_000_000, null, USD, NOW);
        assertEquals(1_000_000, atLimits.stock());
    }

    @Test
    void controlCharactersAreRefusedInNamesButLineBreaksAllowedInDescriptions() {
        assertEquals(List.of("name"), fields(assertThrows(InvalidInputException.class,
                () -> NewProduct.create("S", "Bad\u0000name", "", "C", BigDecimal.ONE, 1, null, USD, NOW))));
        assertEquals("two\nlines", NewProduct.create("S", "N", "two\nlines", "C", BigDecimal.ONE, 1, null, USD, NOW).description());
    }

    @Test
    void changeKeepsWhatIsNotGivenAndChecksWhatIs() {
        Product product = valid().withId(new ProductId(1));

        Product changed = product.change(null, "New", null, null, new BigDecimal("2"), null, null, null);

        assertEquals("New", changed.name());
        assertEquals(Money.of("2.00", USD), changed.price());
        assertEquals(product.sku(), changed.sku());
        assertEquals(product.createdAt(), changed.createdAt());
        assertEquals(List.of("category"), fields(assertThrows(InvalidInputException.class,
                () -> product.change(null, null, null, "", null, null, null, null))));
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
        Product product = Product.restore(new ProductId(1), new Sku("S"), "N", "", "C", Money.of("1", USD), 2_000_000, true, NOW, List.of());

        assertEquals(2_000_000, product.stock());
        assertThrows(IllegalArgumentException.class,
                () -> Product.restore(new ProductId(1), new Sku("S"), "N", "", "C", Money.of("1", USD), -1, true, NOW, List.of()));
    }

    @Test
    void skusAreTheSameRegardlessOfCase() {
        assertTrue(new Sku("ab-1").sameAs(new Sku("AB-1")));
        assertFalse(new Sku("ab-1").equals(new Sku("AB-1")));
    }

    @Test
    void itsTextLengthCountsTheCharactersOfSkuNameDescriptionAndCategory() {
        Product product = Product.restore(new ProductId(1), new Sku("MUG-1"), "Mug", "A big mug", "Kitchen",
                Money.of("1", USD), 3, true, NOW, List.of());
        assertEquals(5 + 3 + 9 + 7, product.textLength());
    }

    private static NewProduct withImages(List<String> images) {
        return NewProduct.create("S", "N", "", "C", BigDecimal.ONE, 1, images, USD, NOW);
    }

    @Test
    void imagesDefaultToNoneAndKeepTheirOrder() {
        assertEquals(List.of(), valid().images());
        List<String> images = List.of("https://cdn.example.com/a.png", "/images/b.svg", "http://shop.example/c?x=1#f");
        assertEquals(images, withImages(images).images());
        assertEquals(images, withImages(images).withId(new ProductId(1)).images());
    }

    @Test
    void atMostTenImages() {
        List<String> ten = java.util.Collections.nCopies(10, "/i.svg");
        assertEquals(10, withImages(ten).images().size());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> withImages(java.util.Collections.nCopies(11, "/i.svg")));
        assertEquals(List.of("images"), fields(e));
        assertEquals("must hold at most 10 images", e.violations().get(0).message());
    }

    @Test
    void anImageIsAtMost2048Characters() {
        String longest = "https://cdn.example.com/" + "a".repeat(2048 - 24);
        assertEquals(2048, longest.length());
        assertEquals(List.of(longest), withImages(List.of(longest)).images());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> withImages(List.of("/ok.svg", longest + "a")));
        assertEquals(List.of("images[1]"), fields(e));
        assertEquals("must be 1 to 2048 characters", e.violations().get(0).message());
        assertEquals(List.of("images[0]"), fields(assertThrows(InvalidInputException.class, () -> withImages(List.of("")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b.svg", " /a.svg", "/a.svg\n", "/a\tb", "/a\u0000b", "/a\u00a0b", "/a\u2028b",
            "https://example.com/\u007f"})
    void anImageHasNoWhiteSpaceOrControlCharacters(String image) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> withImages(List.of("/fine.svg", "/fine2.svg", "/fine3.svg", image)));
        assertEquals(List.of("images[3]"), fields(e));
        assertEquals("must not contain white space or control characters", e.violations().get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", "data:image/svg+xml;base64,PHN2Zz4=",
            "ftp://example.com/a.png", "file:///etc/passwd", "//evil.example/a.png", "/\\evil.example/a.png",
            "images/a.png", "a.png", "../a.png", "http:/a.png", "https:a.png", "vbscript:x", "/a<b>.svg", "/a\"b.svg",
            "https://exa mple.com"})
    void anImageIsAnHttpUrlOrARootRelativePathAndNothingElse(String image) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> withImages(List.of(image)));
        assertEquals(List.of("images[0]"), fields(e), image);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/a.png", "https://example.com", "HTTPS://Example.COM/A.PNG",
            "https://cdn.example.com:8443/p/a.png?w=200&h=100#x", "https://[2001:db8::1]/a.png", "/", "/images/demo/x.svg",
            "/a%20b.svg", "/images/caf%C3%A9.png"})
    void acceptsHttpUrlsAndRootRelativePaths(String image) {
        assertEquals(List.of(image), withImages(List.of(image)).images());
    }

    @Test
    void anImageUrlNamesAHostAndNoCredentials() {
        InvalidInputException noHost = assertThrows(InvalidInputException.class, () -> withImages(List.of("https:///a.png")));
        assertEquals(List.of("images[0]"), fields(noHost));
        InvalidInputException credentials = assertThrows(InvalidInputException.class,
                () -> withImages(List.of("https://user:secret@example.com/a.png")));
        assertEquals("must not contain a user name or password", credentials.violations().get(0).message());
    }

    @Test
    void everyBadImageIsReportedByItsIndex() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> withImages(java.util.Arrays.asList("javascript:x", "/ok.svg", null, "/a b")));
        assertEquals(List.of("images[0]", "images[2]", "images[3]"), fields(e));
    }

    @Test
    void changeReplacesTheImagesAndChecksThem() {
        Product product = withImages(List.of("/a.svg", "/b.svg")).withId(new ProductId(1));

        assertEquals(List.of("/a.svg", "/b.svg"), product.change(null, "New", null, null, null, null, null, null).images());
        assertEquals(List.of("/c.svg"), product.change(null, null, null, null, null, null, null, List.of("/c.svg")).images());
        assertEquals(List.of(), product.change(null, null, null, null, null, null, null, List.of()).images());
        assertEquals(List.of("images[0]"), fields(assertThrows(InvalidInputException.class,
                () -> product.change(null, null, null, null, null, null, null, List.of("data:x")))));
    }

    @Test
    void theImagesAreImmutableAndCheckedOnEveryProduct() {
        List<String> given = new java.util.ArrayList<>(List.of("/a.svg"));
        Product product = Product.restore(new ProductId(1), new Sku("S"), "N", "", "C", Money.of("1", USD), 1, true, NOW,
                given);
        given.add("/b.svg");
        assertEquals(List.of("/a.svg"), product.images());
        assertThrows(UnsupportedOperationException.class, () -> product.images().add("/c.svg"));
        assertThrows(IllegalArgumentException.class, () -> Product.restore(new ProductId(1), new Sku("S"), "N", "", "C",
                Money.of("1", USD), 1, true, NOW, List.of("javascript:alert(1)")));
        assertThrows(IllegalArgumentException.class, () -> new NewProduct(new Sku("S"), "N", "", "C", Money.of("1", USD), 1,
                true, NOW, java.util.Collections.nCopies(11, "/a.svg")));
    }

    @Test
    void imagesCountInTheTextLength() {
        Product product = Product.restore(new ProductId(1), new Sku("MUG-1"), "Mug", "A big mug", "Kitchen",
                Money.of("1", USD), 3, true, NOW, List.of("/a.svg", "/bb.svg"));
        assertEquals(5 + 3 + 9 + 7 + 6 + 7, product.textLength());
    }
}
