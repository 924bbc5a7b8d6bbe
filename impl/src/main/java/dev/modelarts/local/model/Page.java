package dev.modelarts.local.model;

import java.util.List;

/**
 * One page of a listing, with the paging figures the ModelArts list responses carry.
 *
 * <p>The sources disagree on {@code current} and {@code size} (docs/api-reference.md §4, §9.2): the group
 * listing follows its document's example ({@link #current()} 1-based, {@link #size()} the items
 * on the page), ListImage its own two examples ({@link #index()} 0-based, the limit as size).
 * Both have {@code pages} = max(1, ceil(total / limit)).
 */
public record Page<T>(List<T> items, long total, int limit, long offset) {

    public Page {
        items = List.copyOf(items);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        if (offset < 0 || total < 0) {
            throw new IllegalArgumentException("offset and total must not be negative");
        }
    }

    /**
     * 1-based page number of the page that starts at {@code offset}. The one offset whose page
     * number is past the int32 the spec gives it ({@code offset} 2147483647 with {@code limit}
     * 1) is answered with the largest int32.
     */
    public int current() {
        return (int) Math.min(Integer.MAX_VALUE, offset / limit + 1);
    }

    /** 0-based index of the page that starts at {@code offset} (ListImage's {@code current}). */
    public int index() {
        return Math.toIntExact(offset / limit);
    }

    /** Number of pages, at least 1 (an empty listing is one empty page). */
    public int pages() {
        long pages = (total + limit - 1) / limit;
        return Math.toIntExact(Math.max(1, pages));
    }

    /** Number of items on this page. */
    public int size() {
        return items.size();
    }
}
