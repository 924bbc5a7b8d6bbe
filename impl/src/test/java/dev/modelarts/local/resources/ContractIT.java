package dev.modelarts.local.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.SpecValidator;
import dev.modelarts.local.testing.TestServer;

/**
 * The contract, served: the packaged spec byte for byte, as JSON, and the Swagger UI page on it,
 * loaded in a real browser (Debian's headless Chromium) that must list every operation.
 */
class ContractIT {

    @RegisterExtension
    static final TestServer server = TestServer.create();

    private final ApiClient anonymous = new ApiClient(server.baseUri());

    @Test
    void theSpecIsServedByteForByteAndAsJson() throws IOException {
        Reply yaml = anonymous.get("/openapi.yaml");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(yaml.body()).isEqualTo(SpecValidator.readSpec());

        Reply json = anonymous.get("/openapi.json");
        assertThat(json.header("Content-Type")).startsWith("application/json");
        JsonNode fromYaml = new ObjectMapper(new YAMLFactory()).readTree(SpecValidator.readSpec());
        // the same but for the servers: this server's own address first, then the real service
        JsonNode served = json.json();
        assertThat(served.get("servers").get(0).get("url").asText())
                .isEqualTo(server.baseUri().toString().replaceAll("/$", ""));
        assertThat(served.get("servers").findValuesAsText("url")).doesNotContain("http://127.0.0.1:8080")
                .contains("https://modelarts.{region}.myhuaweicloud.com");
        ((com.fasterxml.jackson.databind.node.ObjectNode) fromYaml).remove("servers");
        ((com.fasterxml.jackson.databind.node.ObjectNode) served).remove("servers");
        assertThat(served).isEqualTo(fromYaml);
    }

    @Test
    void thePagesFilesComeWithTheirTypesAndNothingElseIsServed() {
        assertThat(anonymous.get("/docs").header("Content-Type")).startsWith("text/html");
        assertThat(anonymous.get("/docs/swagger-ui.css").header("Content-Type")).startsWith("text/css");
        Reply script = anonymous.get("/docs/swagger-ui-bundle.js");
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(script.body()).contains("SwaggerUIBundle");
        Reply unknown = anonymous.get("/docs/oauth2-redirect.html");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error_code").asText()).isEqualTo("APIG.0101");
    }

    /** Headless Chromium loads /docs, runs its scripts, and the page shows every operation of the spec. */
    @Test
    void aBrowserShowsEveryOperation() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium),
                "Chromium is not installed (apt-get install chromium; .ci/run installs it): the browser check is skipped");
        Path profile = Files.createTempDirectory("chromium");
        Path screenshot = Path.of("target", "docs-page.png").toAbsolutePath();
        String url = server.baseUri().resolve("docs").toString();
        List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1280,2400", "--virtual-time-budget=20000");
        String dom = run(common, "--dump-dom", url);
        run(common, "--screenshot=" + screenshot, url);

        Map<String, Object> spec = new ObjectMapper(new YAMLFactory()).readValue(SpecValidator.readSpec(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        int operations = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            assertThat(dom).as("the page lists %s", path.getKey()).contains("data-path=\"" + path.getKey() + "\"");
            operations += (int) path.getValue().keySet().stream()
                    .filter(m -> List.of("get", "put", "post", "delete").contains(m)).count();
        }
        Matcher blocks = Pattern.compile("class=\"opblock opblock-(get|put|post|delete)").matcher(dom);
        int shown = 0;
        while (blocks.find()) {
            shown++;
        }
        assertThat(shown).as("operations on the page").isEqualTo(operations).isPositive();
        assertThat(screenshot).exists();
    }

    private static String run(List<String> command, String... more) throws IOException, InterruptedException {
        List<String> all = new java.util.ArrayList<>(command);
        all.addAll(List.of(more));
        Process process = new ProcessBuilder(all).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
        return out;
    }
}
