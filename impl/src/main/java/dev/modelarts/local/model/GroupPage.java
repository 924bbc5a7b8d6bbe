package dev.modelarts.local.model;


/**
 * A page of groups and whether any group matching the filter lives in an SWR enterprise instance.
 */
public record GroupPage(Page<GroupRow> page, boolean anySwrEnterprise) {
}
