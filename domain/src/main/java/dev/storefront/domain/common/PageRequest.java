package dev.storefront.domain.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a list to return: {@code page} counts from 1, {@code pageSize} is 1..100.
 *
 * @throws InvalidInputException naming {@code page} or {@code pageSize} when out of range
 */
public record PageRequest(int page, int pageSize) {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Deeper pages than this are refused: nobody pages that far, and offsets stay small. */
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        List<FieldViolation> violations = new ArrayList<>();
        if (page < 1 || page > MAX_PAGE) {
            violations.add(new FieldViolation("page", "must be a whole number from 1 to " + MAX_PAGE));
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("pageSize", "must be a whole number from 1 to " + MAX_PAGE_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_PAGE_SIZE);
    }

    /** How many items come before this page. */
    public long offset() {
        return (long) (page - 1) * pageSize;
    }
}
