package dev.modelarts.local.listing;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import dev.modelarts.local.model.GroupRow;

/**
 * What one committed transaction did to a scope's groups: the scope's new revision, and each
 * changed group as it now is (null: deleted).
 */
public record ScopeChange(String scope, long revision, Map<String, GroupRow> groups) {

    public ScopeChange {
        groups = Collections.unmodifiableMap(new HashMap<>(groups)); // a null value: deleted
    }
}
