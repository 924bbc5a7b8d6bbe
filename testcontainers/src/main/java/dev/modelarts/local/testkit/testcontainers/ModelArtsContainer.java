package dev.modelarts.local.testkit.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import dev.modelarts.local.testkit.HttpControls;
import dev.modelarts.local.testkit.LocalModelArts;
import dev.modelarts.local.testkit.ModelArtsClient;
import dev.modelarts.local.testkit.TestControls;
import dev.modelarts.local.testkit.TestCredential;

/**
 * The ModelArts image server's container image as a Testcontainers container: started, it is
 * ready ({@code /health/ready} answered 200), and offers the test kit's API over HTTP.
 *
 * <pre>{@code
 * @Container
 * static final ModelArtsContainer modelArts = new ModelArtsContainer().withInMemory();
 * }</pre>
 *
 * The image defaults to the one this build made, {@code modelarts-image-server:<version>}, which
 * must be in the local image store ({@code mvn package} loads it into podman). The test controls
 * go through the test-control API: open with the development credential, or a credential whose
 * actions include {@code modelarts:control:*} when {@link #withCredentials(Path, TestCredential)}
 * is used.
 */
public class ModelArtsContainer extends GenericContainer<ModelArtsContainer> implements LocalModelArts {

    /** The port the server listens on inside the container. */
    public static final int PORT = 8080;

    private final List<String> options = new ArrayList<>();
    private TestCredential credential = TestCredential.DEVELOPMENT;
    private ModelArtsClient client;

    /** This build's image, {@code modelarts-image-server:<version>}. */
    public ModelArtsContainer() {
        this(DockerImageName.parse(defaultImage()));
    }

    public ModelArtsContainer(DockerImageName image) {
        super(image);
        withExposedPorts(PORT);
        waitingFor(Wait.forHttp("/health/ready").forPort(PORT).forStatusCode(200)
                .withStartupTimeout(Duration.ofSeconds(60)));
    }

    /** The image this build made, as {@code name:version}. */
    public static String defaultImage() {
        Properties properties = new Properties();
        try (InputStream in = ModelArtsContainer.class.getResourceAsStream("image.properties")) {
            properties.load(Objects.requireNonNull(in, "image.properties is missing from the jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("image");
    }

    /**
     * The credentials the server accepts, a {@code --credentials} file copied into the container;
     * {@code use} is the one of them the kit's clients send.
     */
    public ModelArtsContainer withCredentials(Path file, TestCredential use) {
        credential = Objects.requireNonNull(use, "use");
        return withFile("--credentials", file, "credentials.yaml");
    }

    /** Images registered at start, from a JSON or YAML file as {@code POST /_modelarts/seed} takes them. */
    public ModelArtsContainer withSeed(Path file) {
        return withFile("--seed", file, "seed.yaml");
    }

    /** Fault rules from the start, a {@code --faults} file. */
    public ModelArtsContainer withFaults(Path file) {
        return withFile("--faults", file, "faults.yaml");
    }

    /** Status-transition rules from the start, a {@code --transitions} file. */
    public ModelArtsContainer withTransitions(Path file) {
        return withFile("--transitions", file, "transitions.yaml");
    }

    /** Everything in memory, nothing on disk: the fastest start. */
    public ModelArtsContainer withInMemory() {
        options.add("--in-memory");
        return self();
    }

    /**
     * A PostgreSQL database instead of the container's H2 file; instances over the same database
     * see each other's writes. The URL is as the container reaches it (a network alias, or
     * {@code host.containers.internal} / {@code host.docker.internal} for the host's).
     */
    public ModelArtsContainer withPostgres(String jdbcUrl, String user, String password) {
        options.addAll(List.of("--db-url", jdbcUrl, "--db-user", user, "--db-password", password == null ? "" : password));
        return self();
    }

    private ModelArtsContainer withFile(String option, Path file, String name) {
        String inside = "/config/" + name;
        withCopyFileToContainer(MountableFile.forHostPath(file, 0644), inside);
        options.addAll(List.of(option, inside));
        return self();
    }

    @Override
    protected void configure() {
        setCommand(options.toArray(String[]::new));
    }

    @Override
    public URI endpoint() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(PORT) + "/");
    }

    /** {@link #endpoint()}, as Testcontainers modules name it. */
    public URI getEndpoint() {
        return endpoint();
    }

    @Override
    public TestCredential credential() {
        return credential;
    }

    public String getProjectId() {
        return credential.projectId();
    }

    public String getToken() {
        return credential.token();
    }

    public String getAccessKey() {
        return credential.accessKey();
    }

    public String getSecretKey() {
        return credential.secretKey();
    }

    @Override
    public synchronized ModelArtsClient client() {
        URI endpoint = endpoint();
        if (client == null || !client.endpoint().equals(endpoint)) {
            client = new ModelArtsClient(endpoint, credential);
        }
        return client;
    }

    /** Over HTTP, through the test-control API, with {@link #credential()}. */
    @Override
    public TestControls controls() {
        return new HttpControls(client());
    }
}
