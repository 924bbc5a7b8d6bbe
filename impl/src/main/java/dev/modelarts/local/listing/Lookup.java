package dev.modelarts.local.listing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.modelarts.local.model.GroupRow;

/**
 * One snapshot's groups by one key (an exact name, a namespace), each key's in order. Made on
 * first use: a snapshot that is never filtered this way never pays for it. Two readers that race
 * to make it make the same map; either may win.
 */
final class Lookup {

    private final Function<GroupRow, String> key;
    private volatile Map<String, Selection> byKey;

    Lookup(Function<GroupRow, String> key) {
        this.key = key;
    }

    Selection find(GroupRow[] groups, String value) {
        Map<String, Selection> map = byKey;
        if (map == null) {
            Map<String, List<GroupRow>> lists = new HashMap<>();
            for (GroupRow group : groups) {
                lists.computeIfAbsent(key.apply(group), k -> new ArrayList<>(2)).add(group);
            }
            map = new HashMap<>(lists.size() * 2);
            for (Map.Entry<String, List<GroupRow>> entry : lists.entrySet()) {
                map.put(entry.getKey(), Selection.of(entry.getValue()));
            }
            byKey = map;
        }
        return map.getOrDefault(value, Selection.NONE);
    }
}
