package dev.modelarts.local.model;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids of the built-in catalog: derived from each entry's key (name-based UUIDs), so that the
 * catalog has the same ids in every database and on every start, and an instance that installs
 * it over a shared database finds the rows another one made.
 */
public final class BuiltInIds {

    private BuiltInIds() {
    }

    /** The id a BUILD_IN group gets, from its namespace and name. */
    public static String group(String namespace, String name) {
        return nameBased("group:" + namespace + "/" + name);
    }

    /** The id a BUILD_IN image gets, from its SWR path. */
    public static String image(String swrPath) {
        return nameBased("image:" + swrPath);
    }

    private static String nameBased(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
