package dev.storefront.domain.port.out;

import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Promo codes and their uses. Methods join the caller's transaction. {@code usageLimit} holds under
 * any concurrency through {@link #takeUse}, a conditional update like the stock's; {@code usagePerUser}
 * through the checkout's lock on the user's cart (a user's checkouts run one after the other) and
 * {@link #usesBy}. A use is recorded against its order and given back once, when that order is cancelled.
 */
public interface PromoCodeRepository {

    /**
     * Stores a new code ({@code timesUsed} as given, normally 0).
     *
     * @throws dev.storefront.domain.promo.DuplicatePromoCode when the code exists (in any case)
     */
    void add(PromoCode code);

    Optional<PromoCode> findByCode(PromoCodeId code);

    /** A page of every code, active or not, newest first (ties: by code). */
    Page<PromoCode> findAll(PageRequest page);

    /**
     * Replaces a code's settings; {@code timesUsed} (checkouts move it meanwhile) and {@code createdAt}
     * are left as stored. False when it does not exist.
     */
    boolean update(PromoCode code);

    /**
     * Counts one more use, only while the code is active and below its {@code usageLimit}: one
     * statement, check and write together.
     *
     * @return whether a use was taken
     */
    boolean takeUse(PromoCodeId code);

    /** Records that {@code order} of {@code user} used the code (after {@link #takeUse} in the same transaction). */
    void recordUse(PromoCodeId code, UserId user, OrderId order, Instant at);

    /** How many of the user's orders that are not cancelled carry the code. */
    int usesBy(PromoCodeId code, UserId user);

    /**
     * Gives back the use of a cancelled order: removes its record and counts one use less, once;
     * a second call for the same order changes nothing.
     *
     * @return whether a use was given back
     */
    boolean giveBack(OrderId order);
}
