package dev.modelarts.local.auth;

import static dev.modelarts.local.testing.TestServer.AK;
import static dev.modelarts.local.testing.TestServer.AK_A;
import static dev.modelarts.local.testing.TestServer.PROJECT_A;
import static dev.modelarts.local.testing.TestServer.SK;
import static dev.modelarts.local.testing.TestServer.SK_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.modelarts.local.auth.SignedRequests.Signed;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.LogCapture;
import dev.modelarts.local.testing.TestServer;

/** Who gets in, and who does not, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT {

    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String GROUPS = "/v1/" + PROJECT_A + "/images/group";
    private static final String IMAGES = "/v1/" + PROJECT_A + "/images";

    @RegisterExtension
    static final TestServer server = TestServer.create();
    private SignedRequests signer;
    private LogCapture logs;
    private final List<String> bodies = new ArrayList<>();

    @BeforeAll
    void start() {
        logs = new LogCapture();
        ((Logger) LoggerFactory.getLogger("access")).setLevel(Level.INFO);
        signer = new SignedRequests(server.baseUri());
    }

    @AfterAll
    void stop() {
        logs.close();
        ((Logger) LoggerFactory.getLogger("access")).setLevel(null);
    }

    private ApiClient as(Map<String, String> headers) {
        return new ApiClient(server.baseUri(), headers);
    }

    private Reply record(Reply reply) {
        bodies.add(reply.body());
        return reply;
    }

    private static void assertRefused(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error_code").asText()).as(reply.body()).isEqualTo(code);
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }

    private Signed signedList(String ak, String sk, Map<String, String> extraHeaders) {
        return signer.sign(ak, sk, "GET", GROUPS, Map.of("limit", List.of("1")), null, extraHeaders);
    }

    @Nested
    class Tokens {

        @Test
        void noCredentialAtAllIs401() {
            assertRefused(record(as(Map.of()).get(GROUPS)), 401, "ModelArts.0201");
            assertRefused(record(as(Map.of("Authorization", "Bearer abc")).get(GROUPS)), 401, "ModelArts.0201");
        }

        @Test
        void anUnknownTokenIs401With0203() {
            assertRefused(record(as(Map.of("X-Auth-Token", "no-such-token")).get(GROUPS)), 401, "ModelArts.0203");
        }

        @Test
        void aMalformedTokenIs401With0204() {
            assertRefused(record(as(Map.of("X-Auth-Token", "not a token!")).get(GROUPS)), 401, "ModelArts.0204");
        }

        @Test
        void aTokenOfProjectAAgainstProjectBIs403With0210() {
            Reply reply = record(as(Map.of("X-Auth-Token", TestServer.TOKEN_A)).get("/v1/project-b/images/group"));
            assertRefused(reply, 403, "ModelArts.0210");
            assertThat(as(Map.of("X-Auth-Token", TestServer.TOKEN_A)).get(GROUPS).status()).isEqualTo(200);
        }

        @Test
        void anAllowListWithoutRegisterCannotRegisterButCanRead() {
            ApiClient reader = as(Map.of("X-Auth-Token", TestServer.READER_TOKEN));
            Reply register = record(reader.json("POST", IMAGES,
                    "{\"swr_path\":\"swr.cn-north-4.myhuaweicloud.com/team/app:v1\"}"));
            assertRefused(register, 403, "ModelArts.0108");
            assertThat(register.json().get("error_msg").asText()).contains("modelarts:image:register");
            assertThat(reader.get(GROUPS).status()).isEqualTo(200);
            assertThat(reader.get(IMAGES).status()).isEqualTo(200);
            assertRefused(reader.delete(IMAGES + "/00000000-0000-0000-0000-000000000000"), 403, "ModelArts.0108");
            assertThat(server.client().get(IMAGES + "?type=DEDICATED").json().get("total").asLong()).isZero();
        }

        @Test
        void healthNeedsNoCredential() {
            assertThat(as(Map.of()).get("/health").status()).isEqualTo(200);
        }
    }

    @Nested
    class Signatures {

        @Test
        void anUntouchedSignedRequestPasses() {
            assertThat(signer.send(signedList(AK_A, SK_A, Map.of())).status()).isEqualTo(200);
        }

        @Test
        void aChangedBodyIsRefused() {
            Signed signed = signer.sign(AK_A, SK_A, "POST", IMAGES, Map.of(),
                    "{\"swr_path\":\"swr.cn-north-4.myhuaweicloud.com/team/app:v1\"}", Map.of());
            assertRefused(record(signer.send(signed.withBody(
                    "{\"swr_path\":\"swr.cn-north-4.myhuaweicloud.com/team/evil:v1\"}"))), 401, "APIG.0301");
            assertThat(server.client().get(IMAGES + "?type=DEDICATED").json().get("total").asLong()).isZero();
        }

        @Test
        void aChangedQueryIsRefused() {
            assertRefused(record(signer.send(signedList(AK_A, SK_A, Map.of()).withQuery(Map.of("limit", List.of("2"))))),
                    401, "APIG.0301");
        }

        @Test
        void aChangedPathIsRefused() {
            Signed signed = signer.sign(AK, SK, "GET", "/v1/project-x/images/group", Map.of(), null, Map.of());
            assertThat(signer.send(signed).status()).isEqualTo(200);
            assertRefused(record(signer.send(signed.withPath("/v1/project-y/images/group"))), 401, "APIG.0301");
        }

        @Test
        void aChangedSignedHeaderIsRefused() {
            Signed signed = signedList(AK_A, SK_A, Map.of("X-Project-Id", PROJECT_A));
            assertThat(signed.headers().get("Authorization")).contains("x-project-id");
            assertThat(signer.send(signed).status()).isEqualTo(200);
            assertRefused(record(signer.send(signed.withHeader("X-Project-Id", "project-b"))), 401, "APIG.0301");
        }

        @Test
        void aChangedDateIsRefused() {
            Signed signed = signedList(AK_A, SK_A, Map.of());
            Instant date = Instant.from(SDK_DATE.parse(signed.headers().get("X-Sdk-Date")));
            assertRefused(record(signer.send(signed.withHeader("X-Sdk-Date", SDK_DATE.format(date.plusSeconds(1))))),
                    401, "APIG.0301");
        }

        @Test
        void aRequestReplayedAfterTheWindowIsRefused() {
            String old = SDK_DATE.format(Instant.now().minusSeconds(16 * 60));
            assertRefused(record(signer.send(signedList(AK_A, SK_A, Map.of("X-Sdk-Date", old)))), 401, "APIG.0301");
            String recent = SDK_DATE.format(Instant.now().minusSeconds(14 * 60));
            assertThat(signer.send(signedList(AK_A, SK_A, Map.of("X-Sdk-Date", recent))).status()).isEqualTo(200);
            String future = SDK_DATE.format(Instant.now().plusSeconds(16 * 60));
            assertRefused(record(signer.send(signedList(AK_A, SK_A, Map.of("X-Sdk-Date", future)))), 401, "APIG.0301");
        }

        @Test
        void aMissingDateAnUnknownKeyOrAWrongSecretIsRefused() {
            Signed signed = signedList(AK_A, SK_A, Map.of());
            Map<String, String> noDate = new java.util.LinkedHashMap<>(signed.headers());
            noDate.remove("X-Sdk-Date");
            assertRefused(record(signer.send(new Signed(signed.method(), signed.path(), signed.query(), null, noDate))),
                    401, "APIG.0301");
            assertRefused(record(signer.send(signedList("NOSUCHACCESSKEY", SK_A, Map.of()))), 401, "APIG.0301");
            assertRefused(record(signer.send(signedList(AK_A, "wrong-secret", Map.of()))), 401, "APIG.0301");
        }

        @Test
        void gatewayRefusalsCarryTheRequestIdInTheBody() {
            Reply reply = record(signer.send(signedList(AK_A, "wrong-secret", Map.of())));
            assertThat(reply.json().get("request_id").asText()).isEqualTo(reply.header("X-Request-Id"));
        }

        @Test
        void aKeyOfProjectAAgainstProjectBIs403() {
            Signed signed = signer.sign(AK_A, SK_A, "GET", "/v1/project-b/images", Map.of(), null, Map.of());
            assertRefused(record(signer.send(signed)), 403, "ModelArts.0210");
        }
    }

    @Test
    void secretsNeverReachTheLogOrAnAnswer() {
        List<String> secrets = List.of(TestServer.TOKEN_A, TestServer.READER_TOKEN, SK, SK_A, "no-such-token",
                "wrong-secret");
        // make sure there is something to look through
        as(Map.of("X-Auth-Token", TestServer.TOKEN_A)).get(GROUPS);
        Signed signed = signedList(AK_A, SK_A, Map.of());
        signer.send(signed);
        String signature = signed.headers().get("Authorization").replaceAll(".*Signature=", "");
        record(signer.send(signed.withHeader("X-Sdk-Date", "20200101T000000Z")));

        List<String> lines = logs.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(line -> line.contains(GROUPS));
        for (String secret : new ArrayList<>(secrets) {{ add(signature); }}) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
            assertThat(bodies).noneMatch(body -> body.contains(secret));
        }
    }
}
