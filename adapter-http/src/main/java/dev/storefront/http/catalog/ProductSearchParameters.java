package dev.storefront.http.catalog;

import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.port.in.catalog.ProductSearchQuery;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.HttpProblemException;
import dev.storefront.http.common.JsonDecimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The query string of {@code GET /api/products}: {@code q, category, minPrice, maxPrice, inStock,
 * sort, page, pageSize}. Every value given is checked; an invalid one is a 400 naming it, never a
 * silent default, and so is any other parameter. A blank {@code q} means no text filter.
 */
final class ProductSearchParameters {
    static final String SORTS = Arrays.stream(ProductSort.values()).map(ProductSort::apiName)
            .collect(Collectors.joining(", "));
    static final Set<String> NAMES = Set.of("q", "category", "minPrice", "maxPrice", "inStock", "sort", "page",
            "pageSize");

    private ProductSearchParameters() {}

    static ProductSearchQuery parse(ApiRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        String text = request.query("q").orElse(null);
        String category = request.query("category").orElse(null);
        BigDecimal minPrice = decimal(request, "minPrice", violations);
        BigDecimal maxPrice = decimal(request, "maxPrice", violations);
        boolean inStock = bool(request, "inStock", violations);
        ProductSort sort = request.query("sort").map(name -> ProductSort.fromApiName(name).orElseGet(() -> {
            violations.add(new FieldViolation("sort", "must be one of " + SORTS));
            return null;
        })).orElse(ProductSort.DEFAULT);
        int page = whole(request, "page", 1, PageRequest.MAX_PAGE, violations);
        int pageSize = whole(request, "pageSize", PageRequest.DEFAULT_PAGE_SIZE, PageRequest.MAX_PAGE_SIZE, violations);
        violations.addAll(request.unknownQueryParameters(NAMES));
        if (!violations.isEmpty()) {
            throw HttpProblemException.invalid(violations);
        }
        // Range rules (min <= max, two decimals, page bounds) are the domain's; they answer 400 too.
        return new ProductSearchQuery(new ProductFilter(text, category, minPrice, maxPrice, inStock), sort,
                new PageRequest(page, pageSize));
    }

    private static BigDecimal decimal(ApiRequest request, String name, List<FieldViolation> violations) {
        Optional<String> raw = request.query(name);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return JsonDecimals.parse(raw.get());
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(name, "must be a decimal number like 19.99"));
            return null;
        }
    }

    private static boolean bool(ApiRequest request, String name, List<FieldViolation> violations) {
        Optional<String> raw = request.query(name);
        if (raw.isEmpty() || raw.get().equals("false")) {
            return false;
        }
        if (raw.get().equals("true")) {
            return true;
        }
        violations.add(new FieldViolation(name, "must be true or false"));
        return false;
    }

    private static int whole(ApiRequest request, String name, int defaultValue, int max,
                             List<FieldViolation> violations) {
        Optional<String> raw = request.query(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String text = raw.get();
        if (!text.isEmpty() && text.length() <= 9 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= max) {
                return value;
            }
        }
        violations.add(new FieldViolation(name, "must be a whole number from 1 to " + max));
        return defaultValue;
    }
}
