package dev.modelarts.local.contract.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.modelarts.local.client.model.Image;

/**
 * The console's expectations of the image server, recorded as a pact (target/pacts) that the
 * provider verification then checks against the real server. Matchers stand where a real console
 * does not care about the value: ids (UUIDs), times (epoch milliseconds), counts.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "modelarts-image-server")
class ConsoleConsumerPactTest {

    static final String CONSUMER = "modelarts-console";
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String JSON = "application/json.*";
    static final long EPOCH_MS = 1_700_000_000_000L;

    private static PactDslJsonBody image(String name, String tag, String status) {
        return (PactDslJsonBody) new PactDslJsonBody()
                .stringMatcher("id", UUID, "3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f")
                .stringValue("name", name)
                .stringValue("namespace", "team")
                .stringValue("tag", tag)
                .stringMatcher("swr_path", ".+/team/" + name + ":" + tag, "swr.cn-north-4.myhuaweicloud.com/team/"
                        + name + ":" + tag)
                .stringValue("type", "DEDICATED")
                .stringValue("status", status)
                .stringMatcher("arch", "X86_64|AARCH64", "X86_64")
                .integerType("create_at", EPOCH_MS)
                .integerType("update_at", EPOCH_MS);
    }

    private static PactDslJsonBody error(String code, String messageRegex, String example) {
        return new PactDslJsonBody().stringValue("error_code", code).stringMatcher("error_msg", messageRegex, example);
    }

    // --- list groups with filters and paging

    @Pact(consumer = CONSUMER)
    V4Pact groupsPage(PactDslWithProvider builder) {
        return builder
                .given("an image group exists", Map.of("project_id", "dev-project", "namespace", "team",
                        "name", "resnet50_serving", "versions", 3))
                .uponReceiving("a page of the project's image groups filtered by name and namespace")
                .method("GET")
                .path("/v1/dev-project/images/group")
                .query("name=resnet50&namespace=team&type=DEDICATED&limit=10&offset=0")
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .matchHeader("X-Request-Id", "[A-Za-z0-9._-]{1,128}", "0f6b1b4a3f2e4c0d9a8b7c6d5e4f3a2b")
                .body(new PactDslJsonBody()
                        .integerType("current", 1)
                        .integerType("pages", 1)
                        .integerType("size", 1)
                        .integerType("total", 1)
                        .booleanType("is_swr_enterprise", false)
                        .minArrayLike("data", 1)
                            .stringMatcher("id", UUID, "8f0e3d4a-5b6c-4d7e-8f90-a1b2c3d4e5f6")
                            .stringMatcher("name", "resnet50.*", "resnet50_serving")
                            .stringValue("namespace", "team")
                            .integerType("create_at", EPOCH_MS)
                            .integerType("update_at", EPOCH_MS)
                            .integerType("version_count", 3)
                        .closeObject()
                        .closeArray())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "groupsPage")
    void pagesThroughGroups(MockServer server) {
        ImageConsole console = new ImageConsole(server.getUrl(), "dev-token", "dev-project");
        ImageConsole.GroupPage page = console.dedicatedGroups("resnet50", "team", 0, 10);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.page()).isEqualTo(1);
        assertThat(page.groups()).singleElement().satisfies(g -> {
            assertThat(g.getName()).startsWith("resnet50");
            assertThat(g.getVersionCount()).isPositive();
        });
    }

    // --- register, show, delete

    @Pact(consumer = CONSUMER)
    V4Pact register(PactDslWithProvider builder) {
        return builder
                .given("no image group exists", Map.of("project_id", "dev-project", "namespace", "team",
                        "name", "console-app"))
                .uponReceiving("the registration of a new image")
                .method("POST")
                .path("/v1/dev-project/images")
                .matchHeader("Content-Type", JSON, "application/json")
                .body(new PactDslJsonBody()
                        .stringValue("swr_path", "swr.cn-north-4.myhuaweicloud.com/team/console-app:v1")
                        .stringValue("description", "from the console")
                        .stringValue("workspace_id", "0"))
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(image("console-app", "v1", "ACTIVE").stringValue("description", "from the console"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "register")
    void registersAnImage(MockServer server) {
        Image image = new ImageConsole(server.getUrl(), "dev-token", "dev-project")
                .register("swr.cn-north-4.myhuaweicloud.com/team/console-app:v1", "from the console");
        assertThat(image.getId()).matches(UUID);
        assertThat(image.getStatus()).hasToString("ACTIVE");
    }

    @Pact(consumer = CONSUMER)
    V4Pact show(PactDslWithProvider builder) {
        return builder
                .given("an image is registered", Map.of("project_id", "dev-project", "namespace", "team",
                        "name", "shown-app", "tag", "v1"))
                .uponReceiving("a request for a registered image")
                .method("GET")
                .pathFromProviderState("/v1/dev-project/images/${id}",
                        "/v1/dev-project/images/3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f")
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(image("shown-app", "v1", "ACTIVE"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "show")
    void showsAnImage(MockServer server) {
        Image image = new ImageConsole(server.getUrl(), "dev-token", "dev-project")
                .show("3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f");
        assertThat(image.getName()).isEqualTo("shown-app");
    }

    @Pact(consumer = CONSUMER)
    V4Pact delete(PactDslWithProvider builder) {
        return builder
                .given("an image is registered", Map.of("project_id", "dev-project", "namespace", "team",
                        "name", "doomed-app", "tag", "v1"))
                .uponReceiving("the deletion of a registered image")
                .method("DELETE")
                .pathFromProviderState("/v1/dev-project/images/${id}",
                        "/v1/dev-project/images/3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f")
                .matchHeader("Content-Type", JSON, "application/json")
                .body(new PactDslJsonBody().booleanValue("is_force", false))
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(image("doomed-app", "v1", "DELETED"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "delete")
    void deletesAnImage(MockServer server) {
        Image image = new ImageConsole(server.getUrl(), "dev-token", "dev-project")
                .delete("3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f");
        assertThat(image.getStatus()).hasToString("DELETED");
    }

    // --- refusals: 400, 401, 403

    @Pact(consumer = CONSUMER)
    V4Pact badLimit(PactDslWithProvider builder) {
        return builder
                .uponReceiving("a page request with a limit of zero")
                .method("GET")
                .path("/v1/dev-project/images/group")
                .query("type=DEDICATED&limit=0&offset=0")
                .willRespondWith()
                .status(400)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(error("ModelArts.0104", ".*'limit'.*",
                        "Parameter error: query parameter 'limit' must be greater than or equal to 1."))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "badLimit")
    void showsAParameterError(MockServer server) {
        ImageConsole console = new ImageConsole(server.getUrl(), "dev-token", "dev-project");
        assertThatThrownBy(() -> console.dedicatedGroups(null, null, 0, 0))
                .isInstanceOfSatisfying(ImageConsole.Refused.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("ModelArts.0104");
                    assertThat(e.getMessage()).contains("limit");
                });
    }

    @Pact(consumer = CONSUMER)
    V4Pact unknownToken(PactDslWithProvider builder) {
        return builder
                .uponReceiving("a request with a token the service does not know")
                .method("GET")
                .path("/v1/dev-project/images/group")
                .query("type=DEDICATED&limit=10&offset=0")
                .headers("X-Auth-Token", "expired-token")
                .willRespondWith()
                .status(401)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(error("ModelArts.0203", ".+", "Invalid token."))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "unknownToken")
    void showsThatTheTokenIsNoGood(MockServer server) {
        ImageConsole console = new ImageConsole(server.getUrl(), "expired-token", "dev-project");
        assertThatThrownBy(() -> console.dedicatedGroups(null, null, 0, 10))
                .isInstanceOfSatisfying(ImageConsole.Refused.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("ModelArts.0203");
                });
    }

    @Pact(consumer = CONSUMER)
    V4Pact readerRegisters(PactDslWithProvider builder) {
        return builder
                .given("a credential that may only read")
                .uponReceiving("a registration by a credential that may only read")
                .method("POST")
                // the project the state's credential is bound to: any provider names its own
                .pathFromProviderState("/v1/${project_id}/images", "/v1/project-a/images")
                .headerFromProviderState("X-Auth-Token", "${token}", "reader-token")
                .matchHeader("Content-Type", JSON, "application/json")
                .body(new PactDslJsonBody()
                        .stringValue("swr_path", "swr.cn-north-4.myhuaweicloud.com/team/not-allowed:v1")
                        .stringValue("description", "from the console")
                        .stringValue("workspace_id", "0"))
                .willRespondWith()
                .status(403)
                .matchHeader("Content-Type", JSON, "application/json")
                .body(error("ModelArts.0108", ".*modelarts:image:register.*",
                        "You are not authorized to perform the (modelarts:image:register) operation."))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "readerRegisters")
    void showsThatTheCredentialMayNotRegister(MockServer server) {
        ImageConsole console = new ImageConsole(server.getUrl(), "reader-token", "project-a");
        assertThatThrownBy(() -> console.register("swr.cn-north-4.myhuaweicloud.com/team/not-allowed:v1",
                "from the console"))
                .isInstanceOfSatisfying(ImageConsole.Refused.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("ModelArts.0108");
                });
    }
}
