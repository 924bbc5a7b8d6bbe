package dev.modelarts.local.model;

/** A key/value tag of an image or a group; the value may be absent. */
public record Tag(String key, String value) {
}
