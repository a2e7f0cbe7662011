package dev.storefront.domain.port.in.account;

/** Removes expired sessions and reset tokens in bulk; run periodically. */
@FunctionalInterface
public interface SweepExpiredSessionsUseCase {
    /** @return how many sessions and tokens were removed */
    int sweepExpired();
}
