package dev.modelarts.local.hot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quicktheories.core.Gen;

import ch.qos.logback.classic.Level;
import dev.modelarts.local.testing.LogCapture;
import dev.modelarts.local.testing.RawHttp;
import dev.modelarts.local.testing.RawHttp.Answer;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/**
 * RegisterImage answered at the edge ({@link HotWrites}) against Jersey: the same registrations,
 * in the same order, generated from plain to hostile (bodies valid, duplicated, out of the spec's
 * bounds, not JSON, not an object, with unknown or secret fields; credentials good, bad, for
 * another project, read-only, signed by the official SDK's signer over the body and changed
 * after signing; Content-Type, Accept, chunked and coded bodies; paths and queries), sent to a
 * server with the shortcut and to one without, both deterministic with the same seed and clock.
 * Every answer must be the same (status, body with its generated id, headers), and so must what
 * each server records (access lines, the journal with its masked bodies, the request timers)
 * and what each ends up holding. The shortcut must have answered a good share of them. On H2
 * and on PostgreSQL.
 */
@Tag(TestDatabase.BOTH)
class HotWritesEquivalenceIT {

    private static final String[] SAME = {"--deterministic", "7", "--clock", "2026-01-01T00:00:00Z", "--clock-fixed",
        "--journal-bodies"};
    private static final JerseyRequests HOT_JERSEY = new JerseyRequests();

    @RegisterExtension
    static final TestServer hot = TestServer.withOptions(SAME).withProvider(HOT_JERSEY);
    @RegisterExtension
    static final TestServer plain = TestServer.withOptions(SAME).withoutHotReads();

    private static LogCapture access;
    private static int sent;

    @BeforeAll
    static void capture() {
        access = ServerRecords.captureAccess();
    }

    @AfterAll
    static void closeCapture() {
        ServerRecords.releaseAccess(access);
    }

    @Test
    void bothPathsAnswerRecordAndKeepEveryRegistrationAlike() {
        int jerseyBefore = HOT_JERSEY.count();
        int sentBefore = sent;
        Gen<Post> posts = plainPosts().mix(signedPosts(), 30).mix(hostilePosts(), 45);
        qt().withExamples(300).withFixedSeed(2407).forAll(posts).checkAssert(HotWritesEquivalenceIT::sameAnswer);
        int mine = sent - sentBefore;
        int answeredAtEdge = mine - (HOT_JERSEY.count() - jerseyBefore);
        assertThat(answeredAtEdge).as("registrations the shortcut answered, of " + mine).isGreaterThan(mine / 4);
        assertThat(answeredAtEdge).as("registrations left to Jersey, of " + mine).isLessThan(mine * 3 / 4);

        int all = sent;
        ServerRecords.awaitUpTo10s(() -> ServerRecords.accessLines(access, "p-").size() >= all);
        assertThat(ServerRecords.accessLines(access, "h-")).hasSizeGreaterThanOrEqualTo(sent)
                .containsExactlyInAnyOrderEntriesOf(ServerRecords.accessLines(access, "p-"));
        assertThat(ServerRecords.journal(hot)).isEqualTo(ServerRecords.journal(plain)).hasSizeGreaterThan(sent / 2);
        assertThat(ServerRecords.timers(hot)).isEqualTo(ServerRecords.timers(plain)).contains("status=\"200\"");
        for (String project : List.of(TestServer.PROJECT_A, "project-b")) {
            String listing = "/v1/" + project + "/images?limit=1000";
            assertThat(hot.client().get(listing).body()).as(listing).isEqualTo(plain.client().get(listing).body());
        }
    }

    /**
     * A client that stops sending before its body's end (it half-closes the connection) gets no
     * answer on either path, since Grizzly closes the connection, but the request is recorded
     * alike, as the client's fault: the 400 of an unreadable body (from the body size check when
     * not one byte came, before any credential is looked at), or the refusal of a signature that
     * fails before its check comes to the body's hash; and no error is logged. (Jersey answered a
     * signed one, whose body the signature check reads, and one that sent no byte of its body,
     * with a logged 500.)
     */
    @Test
    void aBodyThatEndsEarlyIsRecordedAlikeAsTheClientsFault() {
        String signature = "Authorization: SDK-HMAC-SHA256 Access=" + TestServer.AK
                + ", SignedHeaders=host;x-sdk-date, Signature=00\r\nX-Sdk-Date: ";
        DateTimeFormatter sdkDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        List<String> credentials = List.of("X-Auth-Token: " + TestServer.TOKEN + "\r\n",
                signature + sdkDate.format(now) + "\r\n", // fresh: the check goes on to the body's hash
                signature + sdkDate.format(now.minusHours(1)) + "\r\n"); // stale: refused before it
        Set<String> statuses = new TreeSet<>();
        try (LogCapture errors = new LogCapture()) {
            int k = 0;
            for (String credential : credentials) {
                for (String partial : List.of("{\"swr_path\": ", "")) {
                    String number = "early" + ++k;
                    for (TestServer server : List.of(hot, plain)) {
                        String head = "POST /v1/" + TestServer.PROJECT_A + "/images HTTP/1.1\r\nHost: localhost\r\n"
                                + "X-Request-Id: " + (server == hot ? "h-" : "p-") + number + "\r\n" + credential
                                + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n" + partial;
                        new RawHttp(server.port()).exchange(head.getBytes(StandardCharsets.ISO_8859_1), true);
                    }
                    ServerRecords.awaitUpTo10s(() -> entry(hot, number) != null && entry(plain, number) != null);
                    String entry = entry(hot, number);
                    assertThat(entry).as(credential + partial).isNotNull().isEqualTo(entry(plain, number));
                    statuses.add(entry.split(" ")[2]);
                }
            }
            assertThat(errors.atLeast(Level.ERROR)).as(LogCapture.describe(errors.atLeast(Level.ERROR))).isEmpty();
        }
        assertThat(statuses).containsExactly("400", "401");
    }

    /** The journal's entry of the request numbered {@code number}, or null. */
    private static String entry(TestServer server, String number) {
        return ServerRecords.journal(server).stream().filter(e -> e.contains(" " + number + " ")).findFirst().orElse(null);
    }

    private static void sameAnswer(Post post) {
        int n = ++sent;
        Answer fast = new RawHttp(hot.port()).exchange(post.bytes("h-" + n), false);
        Answer slow = new RawHttp(plain.port()).exchange(post.bytes("p-" + n), false);
        assertThat(fast.status()).as(post.toString()).isEqualTo(slow.status());
        assertThat(fast.body().replace("h-" + n, "ID")).as(post.toString()).isEqualTo(slow.body().replace("p-" + n, "ID"));
        assertThat(fast.header("Content-Type")).as(post.toString()).isEqualTo(slow.header("Content-Type"));
        assertThat(fast.header("X-Request-Id")).as(post.toString()).isEqualTo("h-" + n);
        assertThat(otherHeaders(fast)).as(post.toString()).isEqualTo(otherHeaders(slow));
    }

    /** The headers but those a body's framing or the request id set. */
    private static Set<String> otherHeaders(Answer answer) {
        Set<String> names = new TreeSet<>(answer.headers().keySet());
        names.removeAll(Set.of("x-request-id", "content-length", "transfer-encoding", "connection", "date"));
        return names;
    }

    /** A registration: its target, header lines and body; chunked when the lines say so. */
    record Post(String target, String headers, String body) {

        byte[] bytes(String id) {
            boolean chunked = headers.contains("Transfer-Encoding: chunked");
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + id + "\r\n" + headers
                    + (chunked ? "" : "Content-Length: " + content.length + "\r\n") + "Connection: close\r\n\r\n";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
            if (chunked) {
                out.writeBytes((Integer.toHexString(content.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(content);
                out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.writeBytes(content);
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return "POST " + target + " with " + headers.replace("\r\n", "; ") + " and " + body;
        }
    }

    /** Registrations as clients send them, with a token: most for the shortcut. */
    private static Gen<Post> plainPosts() {
        Gen<String> extra = arbitrary().pick("", "", "", "Accept: application/json\r\n", "Accept: */*\r\n",
                "User-Agent: equivalence\r\n", "Expect: 100-continue\r\n");
        Gen<String> type = arbitrary().pick("application/json", "application/json", "application/json;charset=UTF-8");
        return projects().zip(type, extra, validBodies(), (project, t, e, body) -> new Post("/v1/" + project + "/images",
                "X-Auth-Token: " + TestServer.TOKEN + "\r\nContent-Type: " + t + "\r\n" + e, body));
    }

    /** Registrations signed as the official SDK signs them, over their body, some changed after signing. */
    private static Gen<Post> signedPosts() {
        return projects().zip(validBodies(), (project, body) -> new Post("/v1/" + project + "/images", "", body))
                .flatMap(post -> SdkSignedRequests.headers("POST", post.target(), List.of(), post.body())
                        .map(lines -> new Post(post.target(), lines, post.body())));
    }

    /** Anything: every part drawn from plain and hostile choices. */
    private static Gen<Post> hostilePosts() {
        Gen<String> target = projects().zip(arbitrary().pick("/images", "/images", "/images", "/images/", "/images?x=1",
                "/images?limit=1", "/images?a%20b=1", "/images/group", "/images;x"), (p, t) -> "/v1/" + p + t);
        Gen<String> token = arbitrary().pick(TestServer.TOKEN, TestServer.TOKEN, TestServer.TOKEN, TestServer.TOKEN_A,
                TestServer.READER_TOKEN, "no-such-token", "", "two");
        Gen<String> lines = token.zip(arbitrary().pick("application/json", "application/json", "text/plain", "",
                "application/json; charset=utf-8", "two", "application/x-www-form-urlencoded"),
                arbitrary().pick("", "", "", "", "Accept: text/html\r\n", "Accept: application/json;q=0\r\n",
                        "Transfer-Encoding: chunked\r\n", "Content-Encoding: gzip\r\n", "Accept: a/b/c\r\n",
                        "X-Auth-Token: \r\n"),
                (t, type, extra) -> (t.isEmpty() ? "" : "two".equals(t)
                        ? "X-Auth-Token: " + TestServer.TOKEN + "\r\nX-Auth-Token: " + TestServer.TOKEN + "\r\n"
                        : "X-Auth-Token: " + t + "\r\n")
                        + (type.isEmpty() ? "" : "two".equals(type) ? "Content-Type: application/json\r\nContent-Type: text/plain\r\n"
                                : "Content-Type: " + type + "\r\n") + extra);
        Gen<String> body = validBodies().mix(arbitrary().pick("", "null", "[]", "{}", "{", "\"text\"", "{\"swr_path\": 5}",
                "{\"swr_path\": \"swr.cn-north-4.myhuaweicloud.com/team/app:v1\", \"swr_path\": \"x/y:z\"}",
                "{\"swr_path\": \"swr.cn-north-4.myhuaweicloud.com/team/app:v9\"} trailing",
                "\uFEFF{\"swr_path\": \"swr.cn-north-4.myhuaweicloud.com/team/app:v9\"}",
                "{\"swr_path\": \"swr.cn-north-4.myhuaweicloud.com/team/app:v9\", \"tags\": [[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]}",
                "{\"swr_path\": \"swr.cn-north-4.myhuaweicloud.com/team/app:v9\", \"arch\": \"SPARC\"}",
                "{\"swr_path\": \"swr.cn-north-4.myhuaweicloud.com/team/app:v9\", \"description\": null}"), 40);
        return target.zip(lines, body, Post::new);
    }

    private static Gen<String> projects() {
        return arbitrary().pick(TestServer.PROJECT_A, TestServer.PROJECT_A, TestServer.PROJECT_A, "project-b",
                "Project-A", "-bad", "p%2Da");
    }

    /**
     * Bodies clients send: a path of a few names and tags (so some register a tag again), and
     * optional fields, some out of the spec's bounds, unknown, or naming a secret (masked in the journal).
     */
    private static Gen<String> validBodies() {
        Gen<String> path = arbitrary().pick("team/app", "team/app", "team/job", "other/app", "Team/app", "team/a b")
                .zip(integers().between(1, 12), (name, tag) -> "swr.cn-north-4.myhuaweicloud.com/" + name + ":v" + tag);
        Gen<String> field = arbitrary().pick("\"description\": \"an image\"", "\"description\": \"" + "d".repeat(513) + "\"",
                "\"workspace_id\": \"0\"", "\"workspace_id\": \"0123456789abcdef0123456789abcdef\"", "\"workspace_id\": \"W\"",
                "\"service_type\": \"DEV\"", "\"service_type\": \"dev\"", "\"resource_category\": [\"CPU\", \"GPU\"]",
                "\"resource_category\": [\"CPU\", \"GPU\", \"ASCEND\", \"CPU\"]", "\"services\": [\"NOTEBOOK\"]",
                "\"tags\": [\"a\", \"b\"]", "\"tags\": [{\"key\": \"k\", \"value\": \"v\"}]", "\"arch\": \"AARCH64\"",
                "\"visibility\": \"PUBLIC\"", "\"flavor_type\": \"GPU_X\"", "\"flavor_type\": \"gpu\"", "\"read_me\": \"# hi\"",
                "\"unknown\": {\"nested\": [1, 2]}", "\"password\": \"hunter2\"", "\"origin\": \"CUSTOMIZE\"",
                "\"swr_instance_id\": \"inst-1\"");
        return path.zip(lists().of(field).ofSizeBetween(0, 3), (p, fields) -> "{\"swr_path\": \"" + p + "\""
                + fields.stream().map(f -> ", " + f).reduce("", String::concat) + "}");
    }

}
