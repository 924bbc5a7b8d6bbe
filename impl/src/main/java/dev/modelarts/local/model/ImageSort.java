package dev.modelarts.local.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ListImage's order: the columns named by {@code sort_key}, each in {@code sort_dir}, then the
 * image id so that paging is stable. Only whitelisted fields sort; anything else is
 * {@link UnsortableField}, which the API answers as 400 ModelArts.6303, as the real service does.
 */
public record ImageSort(List<String> columns, boolean descending) {

    /** A {@code sort_key} field that does not sort; its message is the one the API answers with. */
    public static final class UnsortableField extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnsortableField(String field) {
            super("The field does not support sorting: '" + field + "'.");
        }
    }

    private static final Map<String, String> SORTABLE = Map.ofEntries(
            Map.entry("create_at", "create_at"),
            Map.entry("createat", "create_at"),
            Map.entry("createtime", "create_at"),
            Map.entry("create_time", "create_at"),
            Map.entry("update_at", "update_at"),
            Map.entry("updateat", "update_at"),
            Map.entry("updatetime", "update_at"),
            Map.entry("update_time", "update_at"),
            Map.entry("name", "name"),
            Map.entry("namespace", "namespace"),
            Map.entry("tag", "tag"),
            Map.entry("size", "image_size"),
            Map.entry("type", "type"),
            Map.entry("service_type", "service_type"),
            Map.entry("status", "status"));

    public static final ImageSort DEFAULT = new ImageSort(List.of("update_at"), true);

    public ImageSort {
        columns = List.copyOf(columns);
    }

    /**
     * @param sortKey comma-separated field names, or null for the default ({@code update_at})
     * @param descending whether the order is descending
     * @throws UnsortableField for a field that does not sort
     */
    public static ImageSort parse(String sortKey, boolean descending) {
        if (sortKey == null || sortKey.isBlank()) {
            return new ImageSort(DEFAULT.columns, descending);
        }
        Set<String> columns = new LinkedHashSet<>();
        for (String field : sortKey.split(",")) {
            String column = SORTABLE.get(field.trim().toLowerCase(Locale.ROOT));
            if (column == null) {
                throw new UnsortableField(field.trim());
            }
            columns.add(column);
        }
        return new ImageSort(new ArrayList<>(columns), descending);
    }

    /** The ORDER BY clause; the columns come from the whitelist above only. */
    public String orderBy() {
        return orderBy(List.of());
    }

    /**
     * The ORDER BY clause for rows whose {@code fixed} columns the WHERE clause holds to one
     * value. Naming them first changes nothing in the order, but lets H2 see that an index on
     * (fixed..., columns..., id) is already in this order (PostgreSQL sees it either way).
     */
    public String orderBy(List<String> fixed) {
        String direction = descending ? " desc" : " asc";
        List<String> terms = new ArrayList<>();
        fixed.forEach(c -> terms.add(c + direction));
        columns.forEach(c -> terms.add(c + direction));
        terms.add("id" + direction);
        return " order by " + String.join(", ", terms);
    }
}
