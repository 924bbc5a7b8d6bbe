package dev.modelarts.local.listing;

import java.util.List;

import dev.modelarts.local.model.GroupRow;

/** Several scopes' groups, each already in the listing's order, read as one sequence in that order. */
final class Merge {

    private final GroupRow[][] arrays;
    private final int[] positions;

    Merge(GroupRow[][] arrays) {
        this.arrays = arrays;
        this.positions = new int[arrays.length];
    }

    /** The next group, or null at the end. */
    GroupRow next() {
        int best = -1;
        for (int i = 0; i < arrays.length; i++) {
            if (positions[i] < arrays[i].length && (best < 0
                    || ListingOrder.ORDER.compare(arrays[i][positions[i]], arrays[best][positions[best]]) < 0)) {
                best = i;
            }
        }
        return best < 0 ? null : arrays[best][positions[best]++];
    }

    Merge skip(long count) {
        for (long i = 0; i < count && next() != null; i++) {
            // skipped
        }
        return this;
    }

    void take(int count, List<GroupRow> into) {
        while (into.size() < count) {
            GroupRow group = next();
            if (group == null) {
                return;
            }
            into.add(group);
        }
    }
}
