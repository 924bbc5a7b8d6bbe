package dev.modelarts.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.IResponse;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.provider.ComparisonResult;
import au.com.dius.pact.provider.ProviderResponse;
import au.com.dius.pact.provider.ResponseComparison;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.TestServer;

/**
 * A contract break is caught: the answer the real server gives to a pact's request passes
 * Pact's own comparison, and the same answer with a field renamed, a value of the wrong type
 * or the wrong status fails it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractBreakIT {

    @RegisterExtension
    static final TestServer server = TestServer.create();
    private IResponse expected;
    private Reply actual;

    @BeforeAll
    void answerAPactsRequest() {
        ProviderVerification.state(server, "an image group exists", Map.of("project_id", "dev-project",
                "namespace", "team", "name", "resnet50_serving", "versions", 3));
        Pact pact = DefaultPactReader.INSTANCE.loadPact(new File("pacts/training-pipeline-modelarts-image-server.json"));
        Interaction interaction = pact.getInteractions().stream()
                .filter(i -> i.getDescription().contains("exact name")).findFirst().orElseThrow();
        expected = interaction.asSynchronousRequestResponse().getResponse();
        actual = server.client().get("/v1/dev-project/images/group?name=resnet50_serving&name_fuzzy_match=false"
                + "&type=DEDICATED");
    }

    private ComparisonResult compare(int status, Function<String, String> change) {
        String body = change.apply(actual.body());
        ProviderResponse response = new ProviderResponse(status,
                Map.of("Content-Type", List.of("application/json"), "X-Request-Id", List.of("abc")),
                ContentType.Companion.getJSON(), OptionalBody.body(body.getBytes(StandardCharsets.UTF_8)));
        return ResponseComparison.Companion.compareResponse(expected, response);
    }

    private static boolean bodyMatches(ComparisonResult result) {
        var body = result.getBodyMismatches();
        return body.errorValue() == null
                && body.get().getMismatches().values().stream().allMatch(List::isEmpty);
    }

    @Test
    void theRealAnswerHonoursThePact() {
        ComparisonResult result = compare(actual.status(), Function.identity());
        assertThat(result.getStatusMismatch()).isNull();
        assertThat(result.getHeaderMismatches().values()).allSatisfy(m -> assertThat(m).isEmpty());
        assertThat(bodyMatches(result)).as(String.valueOf(result.getBodyMismatches())).isTrue();
    }

    @Test
    void aRenamedFieldBreaksIt() {
        ComparisonResult result = compare(200, body -> body.replace("\"version_count\"", "\"versionCount\""));
        assertThat(bodyMatches(result)).isFalse();
    }

    @Test
    void aValueOfTheWrongTypeBreaksIt() {
        ComparisonResult result = compare(200, body -> body.replaceAll("\"create_at\":(\\d+)", "\"create_at\":\"$1\""));
        assertThat(bodyMatches(result)).isFalse();
    }

    @Test
    void theWrongStatusBreaksIt() {
        assertThat(compare(201, Function.identity()).getStatusMismatch()).isNotNull();
    }
}
