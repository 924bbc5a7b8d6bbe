package dev.modelarts.local.listing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.modelarts.local.model.GroupRow;

/**
 * A scope's names joined into one string, each after a line feed, so that a substring search
 * is one indexOf scan over contiguous memory instead of a visit to every group and its name
 * (at a million versions that visit is most of a fuzzy listing's time). A search text that
 * holds a line feed, or names that do, fall back to testing each name.
 */
final class NameText {

    private static final char SEPARATOR = '\n';
    private final String text;
    /** Where each group's name starts in {@code text}. */
    private final int[] starts;
    private final boolean usable;

    NameText(GroupRow[] groups) {
        StringBuilder joined = new StringBuilder(groups.length * 16);
        starts = new int[groups.length];
        boolean clean = true;
        for (int i = 0; i < groups.length; i++) {
            joined.append(SEPARATOR);
            starts[i] = joined.length();
            String name = groups[i].name();
            clean &= name.indexOf(SEPARATOR) < 0;
            joined.append(name);
        }
        text = joined.toString();
        usable = clean;
    }

    /** The groups whose name contains {@code part}, in their order. */
    List<GroupRow> containing(String part, GroupRow[] groups) {
        List<GroupRow> found = new ArrayList<>();
        if (!usable || part.isEmpty() || part.indexOf(SEPARATOR) >= 0) {
            for (GroupRow group : groups) {
                if (group.name().contains(part)) {
                    found.add(group);
                }
            }
            return found;
        }
        int from = 0;
        int at;
        while ((at = text.indexOf(part, from)) >= 0) {
            // a match cannot span two names: it would hold the separator
            int group = Arrays.binarySearch(starts, at);
            group = group >= 0 ? group : -group - 2;
            found.add(groups[group]);
            if (group + 1 >= starts.length) {
                break;
            }
            from = starts[group + 1]; // one hit per name
        }
        return found;
    }
}
