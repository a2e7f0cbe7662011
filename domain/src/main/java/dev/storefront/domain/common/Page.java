package dev.storefront.domain.common;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a longer list: the items, which page this is, the page size asked for, and how many
 * items the whole list holds.
 */
public record Page<T>(List<T> items, int page, int pageSize, long total) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (page < 1 || pageSize < 1 || total < 0 || items.size() > pageSize) {
            throw new IllegalArgumentException("inconsistent page: page " + page + ", size " + pageSize
                    + ", " + items.size() + " items of " + total);
        }
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.pageSize(), total);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, pageSize, total);
    }
}
