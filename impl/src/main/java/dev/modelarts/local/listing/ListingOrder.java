package dev.modelarts.local.listing;

import java.util.Comparator;

import dev.modelarts.local.model.GroupRow;

/**
 * The order of ListImageGroup: update_at descending, then namespace, name and id ascending,
 * compared as Java strings (UTF-16 code units), so the order is the same on every database,
 * whatever its collation, and paging is stable.
 */
public final class ListingOrder {

    public static final Comparator<GroupRow> ORDER = ListingOrder::compare;

    private ListingOrder() {
    }

    private static int compare(GroupRow a, GroupRow b) {
        int c = Long.compare(b.updateAt(), a.updateAt());
        if (c == 0) {
            c = a.namespace().compareTo(b.namespace());
        }
        if (c == 0) {
            c = a.name().compareTo(b.name());
        }
        return c != 0 ? c : a.id().compareTo(b.id());
    }
}
