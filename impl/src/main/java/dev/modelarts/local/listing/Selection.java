package dev.modelarts.local.listing;

import java.util.List;

import dev.modelarts.local.model.GroupRow;

/** Groups in the listing's order, and whether any of them is in an SWR enterprise instance. */
record Selection(GroupRow[] rows, boolean enterprise) {

    static final Selection NONE = new Selection(new GroupRow[0], false);

    static Selection of(List<GroupRow> rows) {
        boolean enterprise = false;
        for (GroupRow row : rows) {
            enterprise |= row.swrInstanceId() != null;
        }
        return new Selection(rows.toArray(GroupRow[]::new), enterprise);
    }
}
