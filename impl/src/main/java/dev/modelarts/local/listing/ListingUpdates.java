package dev.modelarts.local.listing;

/** Where the writer sends each committed change of the groups, in commit order. */
@FunctionalInterface
public interface ListingUpdates {

    void apply(ScopeChange change);
}
