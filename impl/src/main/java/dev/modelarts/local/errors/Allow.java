package dev.modelarts.local.errors;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The {@code Allow} header of a 405. OPTIONS is never listed: this server answers it with 405
 * too, since the API (like the real service behind its gateway) defines no OPTIONS operation.
 */
public final class Allow {

    private Allow() {
    }

    /** Jersey's comma-separated list, OPTIONS taken out, sorted. */
    public static String withoutOptions(String allow) {
        return allow == null ? "" : withoutOptions(Arrays.asList(allow.split(",")));
    }

    public static String withoutOptions(Collection<String> methods) {
        return methods.stream()
                .map(m -> m.trim().toUpperCase(Locale.ROOT))
                .filter(m -> !m.isEmpty() && !m.equals("OPTIONS"))
                .collect(Collectors.toCollection(TreeSet::new))
                .stream().collect(Collectors.joining(", "));
    }
}
