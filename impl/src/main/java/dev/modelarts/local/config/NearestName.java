package dev.modelarts.local.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known name a misspelt one was meant to be: for the "did you mean" of a refusal. */
public final class NearestName {

    private NearestName() {
    }

    /** The name in {@code known} at most two edits from {@code typed} (the nearest), if any. */
    public static Optional<String> among(String typed, Collection<String> known) {
        return known.stream().filter(k -> distance(typed, k) <= 2)
                .min(Comparator.comparingInt((String k) -> distance(typed, k)));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
