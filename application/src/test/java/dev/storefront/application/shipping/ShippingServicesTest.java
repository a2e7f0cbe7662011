package dev.storefront.application.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.application.checkout.StoredTaxRates;
import dev.storefront.domain.address.Country;
import dev.storefront.domain.checkout.TaxLocation;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.in.shipping.DeleteTaxRateCommand;
import dev.storefront.domain.port.in.shipping.PutShippingMethodCommand;
import dev.storefront.domain.port.in.shipping.PutTaxRateCommand;
import dev.storefront.domain.port.in.shipping.ShippingMethodsQuery;
import dev.storefront.domain.shipping.ShippingMethod;
import dev.storefront.domain.shipping.ShippingMethodCode;
import dev.storefront.domain.shipping.ShippingMethodNotFound;
import dev.storefront.domain.shipping.TaxRate;
import dev.storefront.domain.shipping.TaxRateNotFound;
import dev.storefront.inmemory.InMemoryShippingMethodRepository;
import dev.storefront.inmemory.InMemoryTaxRateRepository;
import dev.storefront.inmemory.InMemoryTransactions;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipping method and tax rate use cases over the in-memory fakes. */
class ShippingServicesTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryShippingMethodRepository methods = new InMemoryShippingMethodRepository(transactions);
    private final InMemoryTaxRateRepository rates = new InMemoryTaxRateRepository(transactions);
    private final PutShippingMethodService put = new PutShippingMethodService(methods, transactions, EUR);
    private final DeactivateShippingMethodService deactivate = new DeactivateShippingMethodService(methods, transactions);
    private final ListShippingMethodsService listActive = new ListShippingMethodsService(methods, transactions);
    private final ListAllShippingMethodsService listAll = new ListAllShippingMethodsService(methods, transactions);
    private final PutTaxRateService putRate = new PutTaxRateService(rates, transactions);
    private final ListTaxRatesService listRates = new ListTaxRatesService(rates, transactions);
    private final DeleteTaxRateService deleteRate = new DeleteTaxRateService(rates, transactions);

    private static List<String> fields(InvalidInputException e) {
        return e.violations().stream().map(FieldViolation::field).toList();
    }

    private ShippingMethod put(String code, String price, Boolean active, String... countries) {
        return put.putShippingMethod(new PutShippingMethodCommand(code, "Method " + code, new BigDecimal(price), null,
                Arrays.asList(countries), active));
    }

    private List<String> codes(List<ShippingMethod> list) {
        return list.stream().map(m -> m.code().value()).toList();
    }

    @Test
    void putCreatesAMethodInTheStoreCurrencyNormalisingCountriesAndDefaultingToActive() {
        ShippingMethod standard = put.putShippingMethod(new PutShippingMethodCommand("standard", "  Standard ",
                new BigDecimal("4.9"), new BigDecimal("50"), List.of("us", " de", "US", "DE"), null));
        assertEquals("Standard", standard.name());
        assertEquals(Money.of("4.90", EUR), standard.price());
        assertEquals(Money.of("50.00", EUR), standard.freeOver());
        assertEquals(List.of("DE", "US"), standard.countries().stream().map(Country::code).toList(), "duplicates collapsed");
        assertTrue(standard.active());
        assertEquals(List.of(standard), listAll.listAllShippingMethods());
    }

    @Test
    void putReplacesAMethodAndCanBringADeactivatedOneBack() {
        put("express", "14.90", true);
        deactivate.deactivateShippingMethod(new ShippingMethodCode("express"));
        ShippingMethod back = put.putShippingMethod(new PutShippingMethodCommand("express", "Express", new BigDecimal("9.90"),
                null, null, true));
        assertEquals(List.of(back), listAll.listAllShippingMethods());
        assertTrue(back.countries().isEmpty(), "no countries given: everywhere");
        assertNull(back.freeOver());
    }

    @Test
    void everyBrokenRuleIsOneViolationNamingItsFieldAndNothingIsStored() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> put.putShippingMethod(
                new PutShippingMethodCommand("Bad Code", " ", new BigDecimal("-1"), new BigDecimal("1.001"),
                        List.of("US", "XX"), true)));
        assertEquals(List.of("code", "name", "price", "freeOver", "countries"), fields(e));
        assertTrue(e.violations().get(4).message().contains("entry 1"), e.violations().get(4).message());
        assertEquals(List.of("name", "price"), fields(assertThrows(InvalidInputException.class, () -> put.putShippingMethod(
                new PutShippingMethodCommand("ok", null, null, null, null, null)))));
        assertEquals(List.of("code"), fields(assertThrows(InvalidInputException.class, () -> put("x".repeat(33), "1", true))));
        assertEquals(List.of("name"), fields(assertThrows(InvalidInputException.class, () -> put.putShippingMethod(
                new PutShippingMethodCommand("ok", "n".repeat(101), BigDecimal.ONE, null, null, null)))));
        assertEquals(List.of("name"), fields(assertThrows(InvalidInputException.class, () -> put.putShippingMethod(
                new PutShippingMethodCommand("ok", "tab\there", BigDecimal.ONE, null, null, null)))));
        assertEquals(List.of("price"), fields(assertThrows(InvalidInputException.class, () -> put("ok", "100000000", true))));
        assertEquals(List.of("countries"), fields(assertThrows(InvalidInputException.class, () -> put.putShippingMethod(
                new PutShippingMethodCommand("ok", "n", BigDecimal.ONE, null, java.util.Collections.nCopies(301, "US"), null)))));
        assertTrue(listAll.listAllShippingMethods().isEmpty());
    }

    @Test
    void aNameOfExactly100CharactersAndA32CharacterCodeAreFine() {
        ShippingMethod method = put.putShippingMethod(new PutShippingMethodCommand("a".repeat(32), "é".repeat(100),
                new BigDecimal("0"), new BigDecimal("0.00"), List.of(), false));
        assertFalse(method.active());
        assertEquals(Money.zero(EUR), method.price());
    }

    @Test
    void deactivatingHidesAMethodFromBuyersButNotFromAdminsAndAnUnknownCodeIsNotFound() {
        put("standard", "4.90", true);
        put("express", "14.90", true);
        deactivate.deactivateShippingMethod(new ShippingMethodCode("express"));
        deactivate.deactivateShippingMethod(new ShippingMethodCode("express"));
        assertEquals(List.of("standard"), codes(listActive.listShippingMethods(ShippingMethodsQuery.everywhere())));
        assertEquals(List.of("express", "standard"), codes(listAll.listAllShippingMethods()));
        assertThrows(ShippingMethodNotFound.class, () -> deactivate.deactivateShippingMethod(new ShippingMethodCode("nope")));
    }

    @Test
    void buyersSeeTheActiveMethodsThatShipToTheirCountryAndThoseShippingEverywhere() {
        put("everywhere", "5", true);
        put("eu", "3", true, "DE", "FR");
        put("us", "7", true, "US");
        put("eu-off", "1", false, "DE");
        assertEquals(List.of("eu", "everywhere"), codes(listActive.listShippingMethods(new ShippingMethodsQuery(" de"))));
        assertEquals(List.of("everywhere", "us"), codes(listActive.listShippingMethods(new ShippingMethodsQuery("US"))));
        assertEquals(List.of("everywhere"), codes(listActive.listShippingMethods(new ShippingMethodsQuery("JP"))));
        assertEquals(List.of("eu", "everywhere", "us"), codes(listActive.listShippingMethods(ShippingMethodsQuery.everywhere())));
        for (String bad : List.of("", "XX", "DEU", "1")) {
            assertEquals(List.of("country"), fields(assertThrows(InvalidInputException.class,
                    () -> listActive.listShippingMethods(new ShippingMethodsQuery(bad)))), bad);
        }
    }

    @Test
    void putTaxRateCreatesOrReplacesByCountryAndNormalisedRegion() {
        TaxRate ny = putRate.putTaxRate(new PutTaxRateCommand("us", " ny ", new BigDecimal("8.8750")));
        assertEquals(new TaxRate(new Country("US"), "NY", new BigDecimal("8.875")), ny);
        putRate.putTaxRate(new PutTaxRateCommand("US", "NY", new BigDecimal("9")));
        TaxRate de = putRate.putTaxRate(new PutTaxRateCommand("DE", null, new BigDecimal("19.000")));
        assertEquals("19", de.rate().toPlainString());
        assertTrue(de.isCountryWide());
        assertEquals(List.of(de, new TaxRate(new Country("US"), "NY", new BigDecimal("9"))), listRates.listTaxRates());
    }

    @Test
    void aBadTaxRateNamesEachFieldAndStoresNothing() {
        assertEquals(List.of("country", "region", "rate"), fields(assertThrows(InvalidInputException.class,
                () -> putRate.putTaxRate(new PutTaxRateCommand("XX", "r".repeat(101), new BigDecimal("100.001"))))));
        assertEquals(List.of("country", "rate"), fields(assertThrows(InvalidInputException.class,
                () -> putRate.putTaxRate(new PutTaxRateCommand(null, "", null)))));
        for (String rate : List.of("-0.001", "8.8751", "101")) {
            assertEquals(List.of("rate"), fields(assertThrows(InvalidInputException.class,
                    () -> putRate.putTaxRate(new PutTaxRateCommand("DE", "", new BigDecimal(rate))))), rate);
        }
        assertEquals(List.of("region"), fields(assertThrows(InvalidInputException.class,
                () -> putRate.putTaxRate(new PutTaxRateCommand("DE", "a\u0000b", BigDecimal.ONE)))));
        assertTrue(listRates.listTaxRates().isEmpty());
        assertEquals("100", putRate.putTaxRate(new PutTaxRateCommand("DE", "r".repeat(100), new BigDecimal("100"))).rate().toPlainString());
    }

    @Test
    void deleteTaxRateRemovesTheRegionOrTheCountryWideRateAndIsNotFoundWhenThereIsNone() {
        putRate.putTaxRate(new PutTaxRateCommand("US", "", new BigDecimal("5")));
        putRate.putTaxRate(new PutTaxRateCommand("US", "NY", new BigDecimal("8.875")));
        deleteRate.deleteTaxRate(new DeleteTaxRateCommand(new Country("US"), "ny"));
        assertThrows(TaxRateNotFound.class, () -> deleteRate.deleteTaxRate(new DeleteTaxRateCommand(new Country("US"), "NY")));
        deleteRate.deleteTaxRate(new DeleteTaxRateCommand(new Country("US"), null));
        assertThrows(TaxRateNotFound.class, () -> deleteRate.deleteTaxRate(new DeleteTaxRateCommand(new Country("US"), "")));
        assertTrue(listRates.listTaxRates().isEmpty());
    }

    @Test
    void theDefaultTaxCalculatorReadsTheRatesTheAdminPut() {
        StoredTaxRates tax = new StoredTaxRates(rates);
        putRate.putTaxRate(new PutTaxRateCommand("US", "", new BigDecimal("5")));
        putRate.putTaxRate(new PutTaxRateCommand("US", "NY", new BigDecimal("8.875")));
        Money taxable = Money.of("100.00", EUR);
        assertEquals(Money.of("8.88", EUR), tax.tax(new TaxLocation(new Country("US"), "ny"), taxable), "half-up");
        assertEquals(Money.of("5.00", EUR), tax.tax(new TaxLocation(new Country("US"), "CA"), taxable));
        assertEquals(Money.zero(EUR), tax.tax(new TaxLocation(new Country("DE"), ""), taxable), "no rate, no tax");
    }
}
