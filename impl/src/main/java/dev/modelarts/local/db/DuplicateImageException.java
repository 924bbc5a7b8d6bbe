package dev.modelarts.local.db;

/** The group already has an image with this tag. */
public final class DuplicateImageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String tag;
    private final String image;

    public DuplicateImageException(String tag, String image, Throwable cause) {
        super("image " + image + " already has the tag " + tag, cause);
        this.tag = tag;
        this.image = image;
    }

    public String tag() {
        return tag;
    }

    /** namespace/name of the image. */
    public String image() {
        return image;
    }
}
