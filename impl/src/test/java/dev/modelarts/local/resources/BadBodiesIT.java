package dev.modelarts.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.SpecValidator;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/**
 * RegisterImage with bad bodies: each is a clear 4xx in the ModelArts shape, and nothing is
 * written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag(TestDatabase.BOTH)
class BadBodiesIT {

    private static final String P = "bad-bodies";
    private static final String PATH = "/v1/" + P + "/images";
    private static final String OK_PATH = "swr.cn-north-4.myhuaweicloud.com/team/app:v1";

    @RegisterExtension
    static final TestServer server = TestServer.create();
    private ApiClient api;

    @BeforeAll
    void start() {
        api = server.client();
    }

    @AfterEach
    void nothingWasWritten() {
        Reply images = api.get(PATH + "?type=DEDICATED");
        assertThat(images.json().get("total").asLong()).isZero();
        assertThat(api.get(PATH + "/group?type=DEDICATED").json().get("total").asLong()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // malformed JSON
        "`{\"swr_path\": `                                         | 400 | ModelArts.4105 | ",
        "`{swr_path: 1}`                                           | 400 | ModelArts.4105 | ",
        "`{\"swr_path\": \"" + OK_PATH + "\"} trailing`             | 400 | ModelArts.4105 | ",
        // not an object, or no body
        "`[]`                                                      | 400 | ModelArts.6400 | ",
        "`\"text\"`                                                | 400 | ModelArts.6400 | ",
        "`null`                                                    | 400 | ModelArts.6400 | ",
        "``                                                        | 400 | ModelArts.6400 | ",
        // missing or malformed swr_path
        "`{}`                                                      | 400 | ModelArts.6335 | swr_path",
        "`{\"swr_path\": null}`                                    | 400 | ModelArts.6335 | swr_path",
        "`{\"swr_path\": \"short\"}`                               | 400 | ModelArts.6336 | swr_path",
        "`{\"swr_path\": \"swr.example.com/team/app\"}`            | 400 | ModelArts.6336 | swr_path",
        "`{\"swr_path\": \"swr.example.com/Team/app:v1\"}`         | 400 | ModelArts.6336 | swr_path",
        "`{\"swr_path\": \"swr.example.com/team/App:v1\"}`         | 400 | ModelArts.6336 | swr_path",
        "`{\"swr_path\": \"swr.example.com/team/app:v1:v2\"}`      | 400 | ModelArts.6336 | swr_path",
        "`{\"swr_path\": \"swr.example.com/team/app:v 1\"}`        | 400 | ModelArts.6336 | swr_path",
        // wrong types
        "`{\"swr_path\": 12345678901234567}`                       | 400 | ModelArts.6336 | swr_path",
        "`{\"swr_path\": [\"" + OK_PATH + "\"]}`                   | 400 | ModelArts.6336 | swr_path",
        "`{\"swr_path\": \"" + OK_PATH + "\", \"resource_category\": \"CPU\"}` | 400 | ModelArts.6336 | resource_category",
        "`{\"swr_path\": \"" + OK_PATH + "\", \"description\": 5}`  | 400 | ModelArts.6336 | description",
        "`{\"swr_path\": \"" + OK_PATH + "\", \"services\": [1]}`   | 400 | ModelArts.6336 | services[0]",
        "`{\"swr_path\": \"" + OK_PATH + "\", \"tags\": [5]}`       | 400 | ModelArts.6336 | tags[0]",
        "`{\"swr_path\": \"" + OK_PATH + "\", \"tags\": [{\"k\": \"v\"}]}` | 400 | ModelArts.6336 | tags[0]",
        "`{\"swr_path\": \"" + OK_PATH + "\", \"tags\": \"a=b\"}`   | 400 | ModelArts.6336 | tags",
        // unknown enum values
        "`{\"swr_path\": \"" + OK_PATH + "\", \"arch\": \"x86\"}`   | 400 | ModelArts.6336 | arch",
        "`{\"swr_path\": \"" + OK_PATH + "\", \"arch\": \"x86_64\"}` | 400 | ModelArts.6336 | arch",
        "`{\"swr_path\": \"" + OK_PATH + "\", \"origin\": \"BUILT\"}` | 400 | ModelArts.6336 | origin",
        "`{\"swr_path\": \"" + OK_PATH + "\", \"resource_category\": [\"TPU\"]}` | 400 | ModelArts.6336 | resource_category[0]",
        "`{\"swr_path\": \"" + OK_PATH + "\", \"service_type\": \"WEB\"}` | 400 | ModelArts.6336 | service_type",
        "`{\"swr_path\": \"" + OK_PATH + "\", \"visibility\": \"SECRET\"}` | 400 | ModelArts.6336 | visibility",
        // values out of range
        "`{\"swr_path\": \"" + OK_PATH + "\", \"workspace_id\": \"1\"}` | 400 | ModelArts.6336 | workspace_id",
        "`{\"swr_path\": \"" + OK_PATH + "\", \"resource_category\": [\"CPU\", \"GPU\", \"ASCEND\", \"CPU\"]}` | 400 | ModelArts.6336 | resource_category",
    })
    void isRefusedCleanly(String body, int status, String code, String field) {
        Reply reply = api.json("POST", PATH, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error_code").asText()).as(reply.body()).isEqualTo(code);
        if (field != null) {
            assertThat(reply.json().get("error_msg").asText()).contains("'" + field + "'");
        }
    }

    @Test
    void oversizedFields() {
        String longDescription = "{\"swr_path\": \"" + OK_PATH + "\", \"description\": \"" + "d".repeat(513) + "\"}";
        Reply reply = api.json("POST", PATH, longDescription);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error_msg").asText()).contains("'description'").contains("512");

        String longName = "{\"swr_path\": \"swr.example.com/team/" + "a".repeat(513) + ":v1\"}";
        assertThat(api.json("POST", PATH, longName).json().get("error_code").asText()).isEqualTo("ModelArts.6336");

        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            tags.append(i == 0 ? "" : ",").append("\"t").append(i).append("\"");
        }
        Reply tooMany = api.json("POST", PATH, "{\"swr_path\": \"" + OK_PATH + "\", \"tags\": [" + tags + "]}");
        assertThat(tooMany.json().get("error_msg").asText()).contains("'tags'").contains("20");

        Reply longTag = api.json("POST", PATH, "{\"swr_path\": \"" + OK_PATH + "\", \"tags\": [\""
                + "k".repeat(129) + "\"]}");
        assertThat(longTag.json().get("error_code").asText()).isEqualTo("ModelArts.6336");
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String huge = "{\"swr_path\": \"" + OK_PATH + "\", \"description\": \"" + "x".repeat(1024 * 1024) + "\"}";
        Reply reply = api.json("POST", PATH, huge);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("ModelArts.4104");
    }

    @Test
    void aChunkedBodyOverOneMebibyteIs413() throws Exception {
        byte[] huge = ("{\"swr_path\": \"" + OK_PATH + "\", \"description\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + PATH.substring(1)))
                .header("Content-Type", "application/json")
                .header("X-Auth-Token", TestServer.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("ModelArts.4104");
        assertThat(SpecValidator.get().problems("POST", PATH, response.statusCode(), response.headers().map(),
                response.body())).isEmpty();
    }

    @Test
    void aWrongContentTypeIs415() {
        Reply reply = api.send("POST", PATH, "{\"swr_path\": \"" + OK_PATH + "\"}", Map.of("Content-Type", "text/plain"));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().get("error_code").asText()).isEqualTo("ModelArts.0101");
        Reply form = api.send("POST", PATH, "swr_path=x", Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.status()).isEqualTo(415);
    }
}
