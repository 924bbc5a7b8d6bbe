package dev.modelarts.local.model;

/** What a new group is created with, besides its key; all optional. */
public record GroupDetails(String description, String readMe, String iconName, String swrInstanceName) {

    public static final GroupDetails NONE = new GroupDetails(null, null, null, null);
}
