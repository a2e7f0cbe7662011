package dev.storefront.http.common;

import dev.storefront.domain.common.AccessDeniedException;
import dev.storefront.domain.common.ConflictException;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.common.NotFoundException;
import dev.storefront.domain.common.RateLimitedException;
import dev.storefront.domain.common.ServiceUnavailableException;
import dev.storefront.domain.user.EmailUnverified;
import java.util.Map;

/**
 * The one place where failures become HTTP statuses. Domain exceptions are mapped by category;
 * anything unexpected becomes a generic 500 whose details stay in the server log.
 */
public final class ProblemMapper {

    /** A problem with the extra headers its status calls for ({@code Retry-After}, {@code Allow}). */
    public record Mapped(Problem problem, Map<String, String> headers, boolean unexpected) {}

    private ProblemMapper() {}

    public static Mapped map(Throwable failure) {
        if (failure instanceof HttpProblemException e) {
            return new Mapped(e.problem(), e.headers(), false);
        }
        if (failure instanceof InvalidInputException e) {
            return expected(Problem.of(ProblemType.VALIDATION, e.getMessage(), e.violations()));
        }
        if (failure instanceof NotFoundException e) {
            return expected(Problem.of(ProblemType.NOT_FOUND, e.getMessage()));
        }
        if (failure instanceof ConflictException e) {
            return expected(Problem.of(ProblemType.CONFLICT, e.getMessage(), e.violations()));
        }
        if (failure instanceof NotAuthenticatedException e) {
            return expected(Problem.of(ProblemType.UNAUTHENTICATED, e.getMessage()));
        }
        if (failure instanceof EmailUnverified e) {
            return expected(Problem.of(ProblemType.EMAIL_UNVERIFIED, e.getMessage()));
        }
        if (failure instanceof AccessDeniedException e) {
            return expected(Problem.of(ProblemType.FORBIDDEN, e.getMessage()));
        }
        if (failure instanceof RateLimitedException e) {
            // Whole seconds, rounded up over the full precision (toMillis() would drop nanoseconds).
            long seconds = Math.max(1, e.retryAfter().getSeconds() + (e.retryAfter().getNano() > 0 ? 1 : 0));
            return new Mapped(Problem.of(ProblemType.RATE_LIMITED, e.getMessage()),
                    Map.of("Retry-After", Long.toString(seconds)), false);
        }
        if (failure instanceof ServiceUnavailableException e) {
            return new Mapped(Problem.of(ProblemType.UNAVAILABLE, e.getMessage()),
                    Map.of("Retry-After", "1"), false);
        }
        return new Mapped(Problem.of(ProblemType.INTERNAL,
                "An unexpected error occurred; quote the X-Request-Id when reporting it"), Map.of(), true);
    }

    private static Mapped expected(Problem problem) {
        return new Mapped(problem, Map.of(), false);
    }
}
