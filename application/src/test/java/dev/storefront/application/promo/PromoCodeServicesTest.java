package dev.storefront.application.promo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.in.promo.CreatePromoCodeCommand;
import dev.storefront.domain.port.in.promo.UpdatePromoCodeCommand;
import dev.storefront.domain.port.in.promo.UpdatePromoCodeCommand.Change;
import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.promo.DuplicatePromoCode;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoCodeNotFound;
import dev.storefront.domain.promo.PromoKind;
import dev.storefront.inmemory.InMemoryLocks;
import dev.storefront.inmemory.InMemoryPromoCodeRepository;
import dev.storefront.inmemory.InMemoryTransactions;
import dev.storefront.inmemory.ManualTimeSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin's promo code use cases over the in-memory fakes. */
class PromoCodeServicesTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00.123456Z");
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-07-01T00:00:00Z");

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryPromoCodeRepository promoCodes = new InMemoryPromoCodeRepository(transactions);
    private final InMemoryLocks locks = new InMemoryLocks(transactions);
    private final ManualTimeSource time = new ManualTimeSource(NOW);
    private final CreatePromoCodeService create = new CreatePromoCodeService(promoCodes, transactions, time, EUR);
    private final ListPromoCodesService list = new ListPromoCodesService(promoCodes, transactions);
    private final GetPromoCodeService get = new GetPromoCodeService(promoCodes);
    private final UpdatePromoCodeService update = new UpdatePromoCodeService(promoCodes, transactions, locks, EUR);
    private final DeactivatePromoCodeService deactivate = new DeactivatePromoCodeService(promoCodes, transactions, locks);

    private static CreatePromoCodeCommand command(String code, String kind, String value) {
        return new CreatePromoCodeCommand(code, kind, value == null ? null : new BigDecimal(value), null, null, null,
                null, null, null);
    }

    private PromoCode percent(String code) {
        return create.createPromoCode(new CreatePromoCodeCommand(code, "percent", new BigDecimal("15"),
                new BigDecimal("20"), START, END, 100, 1, null));
    }

    private static UpdatePromoCodeCommand patch(String code, String kind, Change<BigDecimal> value,
                                                BigDecimal minSubtotal, Change<Instant> startsAt, Change<Instant> endsAt,
                                                Change<Integer> usageLimit, Change<Integer> usagePerUser, Boolean active) {
        return new UpdatePromoCodeCommand(new PromoCodeId(code), kind, value, minSubtotal, startsAt, endsAt, usageLimit,
                usagePerUser, active);
    }

    private static List<String> fields(InvalidInputException e) {
        return e.violations().stream().map(FieldViolation::field).toList();
    }

    private static String message(InvalidInputException e, String field) {
        return e.violations().stream().filter(v -> v.field().equals(field)).findFirst().orElseThrow().message();
    }

    @Test
    void createsAPercentCodeUpperCasedActiveAndUnusedAtTheCurrentTime() {
        PromoCode code = create.createPromoCode(new CreatePromoCodeCommand(" summer-15 ", "percent",
                new BigDecimal("15.00"), new BigDecimal("20"), START, END, 100, 1, null));

        assertEquals(new PromoCode(new PromoCodeId("SUMMER-15"), PromoKind.PERCENT, new BigDecimal("15"),
                Money.of("20.00", EUR), START, END, 100, 1, 0, true, Instant.parse("2026-05-01T08:00:00.123Z")), code);
        assertEquals(code, promoCodes.findByCode(new PromoCodeId("SUMMER-15")).orElseThrow());
        assertEquals(code, get.getPromoCode(PromoCodeId.parse("Summer-15").orElseThrow()));
    }

    @Test
    void createsAmountAndFreeShippingCodesWithTheirDefaults() {
        PromoCode amount = create.createPromoCode(command("FIVE", "amount", "5"));
        assertEquals(new BigDecimal("5.00"), amount.value());
        assertEquals(Money.zero(EUR), amount.minSubtotal());
        assertNull(amount.startsAt());
        assertNull(amount.usageLimit());
        PromoCode shipping = create.createPromoCode(new CreatePromoCodeCommand("SHIPFREE", "free_shipping", null,
                new BigDecimal("50"), null, null, null, null, false));
        assertNull(shipping.value());
        assertFalse(shipping.active());
    }

    @Test
    void creationNamesEveryInvalidFieldAndStoresNothing() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> create.createPromoCode(
                new CreatePromoCodeCommand("no", "percent", new BigDecimal("100.01"), new BigDecimal("-1"), END, START,
                        0, -3, null)));
        assertEquals(List.of("code", "value", "minSubtotal", "endsAt", "usageLimit", "usagePerUser"), fields(e));
        assertEquals(0, list.listPromoCodes(PageRequest.first()).total());
    }

    @Test
    void eachValueRuleIsItsOwn400OnValue() {
        for (String[] bad : new String[][] {{"percent", null}, {"percent", "0.99"}, {"percent", "100.5"},
                {"percent", "12.345"}, {"amount", null}, {"amount", "0"}, {"amount", "-1"}, {"amount", "1.001"},
                {"amount", "100000000"}, {"free_shipping", "1"}}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> create.createPromoCode(command("CODE", bad[0], bad[1])), String.join(" ", bad));
            assertEquals(List.of("value"), fields(e), String.join(" ", bad));
        }
        assertEquals("must be null for kind free_shipping",
                message(assertThrows(InvalidInputException.class,
                        () -> create.createPromoCode(command("CODE", "free_shipping", "0"))), "value"));
        assertEquals(new BigDecimal("0.01"), create.createPromoCode(command("ONECENT", "amount", "0.01")).value());
        assertEquals(new BigDecimal("99.99"), create.createPromoCode(command("MOST", "percent", "99.99")).value());
        assertEquals(new BigDecimal("100"), create.createPromoCode(command("ALL", "percent", "100")).value());
    }

    @Test
    void aMissingOrUnknownKindOrCodeIsNamed() {
        assertEquals(List.of("code", "kind"), fields(assertThrows(InvalidInputException.class,
                () -> create.createPromoCode(command(null, null, "5")))));
        assertEquals(List.of("kind"), fields(assertThrows(InvalidInputException.class,
                () -> create.createPromoCode(command("CODE", "PERCENT", "5")))));
        assertEquals(List.of("code"), fields(assertThrows(InvalidInputException.class,
                () -> create.createPromoCode(command("with space", "percent", "5")))));
        assertEquals(List.of("code"), fields(assertThrows(InvalidInputException.class,
                () -> create.createPromoCode(command("X".repeat(33), "percent", "5")))));
    }

    @Test
    void anEndNotAfterTheStartAndTimesOutOfRangeAreRefused() {
        assertEquals(List.of("endsAt"), fields(assertThrows(InvalidInputException.class, () -> create.createPromoCode(
                new CreatePromoCodeCommand("SAME", "percent", BigDecimal.TEN, null, START, START, null, null, null)))));
        assertEquals(List.of("startsAt", "endsAt"), fields(assertThrows(InvalidInputException.class,
                () -> create.createPromoCode(new CreatePromoCodeCommand("FAR", "percent", BigDecimal.TEN, null,
                        Instant.parse("1969-12-31T23:59:59Z"), Instant.MAX, null, null, null)))));
    }

    @Test
    void aCodeThatExistsInAnyCaseIsAConflict() {
        percent("TAKEN");
        assertThrows(DuplicatePromoCode.class, () -> create.createPromoCode(command("taken", "amount", "1")));
        assertEquals(1, list.listPromoCodes(PageRequest.first()).total());
    }

    @Test
    void listsNewestFirstInPages() {
        percent("FIRST");
        time.advance(Duration.ofSeconds(1));
        percent("SECOND");
        time.advance(Duration.ofSeconds(1));
        percent("THIRD");
        assertEquals(List.of("THIRD", "SECOND"), list.listPromoCodes(new PageRequest(1, 2)).items().stream()
                .map(p -> p.code().value()).toList());
        assertEquals(List.of("FIRST"), list.listPromoCodes(new PageRequest(2, 2)).items().stream()
                .map(p -> p.code().value()).toList());
        assertEquals(3, list.listPromoCodes(new PageRequest(2, 2)).total());
    }

    @Test
    void anUnknownCodeIsNotFoundEverywhere() {
        PromoCodeId ghost = new PromoCodeId("GHOST");
        assertThrows(PromoCodeNotFound.class, () -> get.getPromoCode(ghost));
        assertThrows(PromoCodeNotFound.class, () -> update.updatePromoCode(
                patch("GHOST", null, null, null, null, null, null, null, false)));
        assertThrows(PromoCodeNotFound.class, () -> deactivate.deactivatePromoCode(ghost));
    }

    @Test
    void aPatchChangesOnlyTheGivenFieldsAndKeepsTheUses() {
        PromoCode before = percent("EDIT");
        transactions.inTransaction(() -> promoCodes.takeUse(before.code()));
        PromoCode after = update.updatePromoCode(patch("EDIT", null, Change.to(new BigDecimal("20.5")), null,
                Change.to(null), null, Change.to(null), null, null));

        assertEquals(new PromoCode(before.code(), PromoKind.PERCENT, new BigDecimal("20.5"), before.minSubtotal(), null,
                END, null, 1, 1, true, before.createdAt()), after);
        assertEquals(after, get.getPromoCode(before.code()));
        assertEquals(List.of(new LockKey("promo-code:EDIT")), locks.taken());
    }

    @Test
    void anEmptyPatchChangesNothing() {
        PromoCode before = percent("SAME");
        assertEquals(before, update.updatePromoCode(patch("SAME", null, null, null, null, null, null, null, null)));
    }

    @Test
    void aPatchThatBreaksTheCombinationIsRefusedAndChangesNothing() {
        PromoCode before = percent("COMBO");
        InvalidInputException shipping = assertThrows(InvalidInputException.class, () -> update.updatePromoCode(
                patch("COMBO", "free_shipping", Change.to(new BigDecimal("5")), null, null, null, null, null, null)));
        assertEquals(List.of("value"), fields(shipping));
        assertEquals(List.of("value"), fields(assertThrows(InvalidInputException.class, () -> update.updatePromoCode(
                patch("COMBO", "amount", null, null, null, null, null, null, null)))), "15 % is not 15.00 off");
        assertEquals(List.of("value"), fields(assertThrows(InvalidInputException.class, () -> update.updatePromoCode(
                patch("COMBO", null, Change.to(null), null, null, null, null, null, null)))), "percent needs a value");
        assertEquals(List.of("endsAt"), fields(assertThrows(InvalidInputException.class, () -> update.updatePromoCode(
                patch("COMBO", null, null, null, null, Change.to(START), null, null, null)))));
        assertEquals(List.of("startsAt"), fields(assertThrows(InvalidInputException.class, () -> update.updatePromoCode(
                patch("COMBO", null, null, null, Change.to(END.plusSeconds(1)), null, null, null, null)))));
        assertEquals(List.of("kind", "minSubtotal", "usageLimit"), fields(assertThrows(InvalidInputException.class,
                () -> update.updatePromoCode(patch("COMBO", "bogus", null, new BigDecimal("0.001"), null, null,
                        Change.to(0), null, null)))));
        assertEquals(before, get.getPromoCode(before.code()));
    }

    @Test
    void aPatchMayChangeTheKindWithItsValue() {
        percent("MORPH");
        PromoCode shipping = update.updatePromoCode(patch("MORPH", "free_shipping", Change.to(null), null, null, null,
                null, null, null));
        assertEquals(PromoKind.FREE_SHIPPING, shipping.kind());
        assertNull(shipping.value());
        PromoCode amount = update.updatePromoCode(patch("MORPH", "amount", Change.to(new BigDecimal("7.5")), null, null,
                null, null, null, null));
        assertEquals(new BigDecimal("7.50"), amount.value());
        assertEquals(amount, get.getPromoCode(amount.code()));
    }

    @Test
    void deactivationKeepsTheCodeAndAnUpdateBringsItBack() {
        PromoCode before = percent("PAUSE");
        deactivate.deactivatePromoCode(before.code());
        assertFalse(get.getPromoCode(before.code()).active());
        deactivate.deactivatePromoCode(before.code());
        assertFalse(get.getPromoCode(before.code()).active());
        assertFalse(transactions.inTransaction(() -> promoCodes.takeUse(before.code())), "an inactive code is not taken");
        assertTrue(update.updatePromoCode(patch("PAUSE", null, null, null, null, null, null, null, true)).active());
        assertEquals(before, get.getPromoCode(before.code()));
    }
}
