package dev.modelarts.local.config;

/**
 * Where the OpenAPI file is on the classpath: the api-spec jar carries it there. The one place the
 * server's code names it (the build names its path once, in the parent pom's api.spec.file).
 */
public final class SpecFile {

    /** The classpath resource of the spec, for {@code Class.getResourceAsStream}. */
    public static final String RESOURCE = "/openapi/modelarts-image-api.yaml";

    private SpecFile() {
    }
}
