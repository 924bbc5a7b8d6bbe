package dev.modelarts.local.model;

/** An image to insert, with the details its group gets if the group is new. */
public record NewImage(ImageRow image, GroupDetails group) {
}
