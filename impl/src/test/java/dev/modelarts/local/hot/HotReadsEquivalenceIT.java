package dev.modelarts.local.hot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quicktheories.core.Gen;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.LogCapture;
import dev.modelarts.local.testing.RawHttp;
import dev.modelarts.local.testing.RawHttp.Answer;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.testing.TestServer;

/**
 * The hot reads' shortcut ({@link HotReads}) against Jersey: the same requests, generated from
 * plain to hostile (parameters known and not, repeated, escaped, out of range; credentials good,
 * bad, for another project, read-only, repeated; signatures made by the official SDK's signer,
 * as sent and changed after signing; Accept and body headers), sent to a server with
 * the shortcut and to one without, over the same data. Every answer must be the same (status,
 * body, Content-Type, the other headers), and so must what each server records of it: the access
 * line, the journal entry, the request timers. And the shortcut must have answered a good share
 * of them, or the test would compare Jersey with itself. On H2 and on PostgreSQL.
 */
@Tag(TestDatabase.BOTH)
class HotReadsEquivalenceIT {

    private static final String[] SAME = {"--deterministic", "7", "--clock", "2026-01-01T00:00:00Z", "--clock-fixed"};
    private static final JerseyRequests HOT_JERSEY = new JerseyRequests();
    /** What java.net.http adds to a GET on http://: an HTTP/2 upgrade offer, and before JDK 19 an empty body. */
    static final String JAVA_NET_HTTP = "Upgrade: h2c\r\n"
            + "HTTP2-Settings: AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA\r\nContent-Length: 0\r\n";

    @RegisterExtension
    static final TestServer hot = TestServer.withOptions(SAME).withProvider(HOT_JERSEY);
    @RegisterExtension
    static final TestServer plain = TestServer.withOptions(SAME).withoutHotReads();

    private static final List<String> IDS = new ArrayList<>();
    private static LogCapture access;
    private static int sent;

    @BeforeAll
    static void sameData() {
        for (TestServer server : List.of(hot, plain)) {
            ApiClient api = server.client();
            List<String> ids = new ArrayList<>();
            for (String[] image : new String[][] {{TestServer.PROJECT_A, "team/app:v1", "DEV"},
                {TestServer.PROJECT_A, "team/app:v2", "DEV"}, {TestServer.PROJECT_A, "team/job:v1", "TRAIN"},
                {"project-b", "other/app:v1", "DEV"}}) {
                ApiClient.Reply reply = api.json("POST", "/v1/" + image[0] + "/images",
                        "{\"swr_path\": \"swr.cn-north-4.myhuaweicloud.com/" + image[1] + "\", \"service_type\": \""
                                + image[2] + "\", \"description\": \"" + image[1] + "\"}");
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                ids.add(reply.json().get("id").asText());
            }
            if (IDS.isEmpty()) {
                IDS.addAll(ids);
            }
            assertThat(ids).as("the same ids on both servers").isEqualTo(IDS);
        }
        access = ServerRecords.captureAccess();
    }

    @AfterAll
    static void closeCapture() {
        ServerRecords.releaseAccess(access);
    }

    @Test
    void bothPathsAnswerAndRecordEveryRequestAlike() {
        int jerseyBefore = HOT_JERSEY.count();
        Gen<Sent> hostile = paths().zip(queries(), headerLines(), Sent::new);
        qt().withExamples(400).withFixedSeed(24).forAll(plainRequests().mix(signedRequests(), 40).mix(hostile, 60))
                .checkAssert(request -> sameAnswer(request.path(), request.query(), request.headers()));
        int answeredAtEdge = sent - (HOT_JERSEY.count() - jerseyBefore);
        assertThat(answeredAtEdge).as("requests the shortcut answered, of " + sent).isGreaterThan(sent / 5);
        assertThat(answeredAtEdge).as("requests left to Jersey, of " + sent).isLessThan(sent * 4 / 5);

        // Jersey logs its access line once the answer is written: it may come just after the answer
        ServerRecords.awaitUpTo10s(() -> accessLines("p-").size() >= sent);
        assertThat(accessLines("h-")).hasSize(sent).isEqualTo(accessLines("p-"));
        // (a request the edge refuses, a malformed target say, is in neither journal)
        assertThat(journal(hot)).isEqualTo(journal(plain)).hasSizeGreaterThan(sent / 2);
        assertThat(timers(hot)).isEqualTo(timers(plain)).isNotEmpty();
    }

    private static void sameAnswer(String path, String query, String headers) {
        int n = ++sent;
        String target = path + query;
        Answer fast = new RawHttp(hot.port()).exchange(request(target, headers, "h-" + n));
        Answer slow = new RawHttp(plain.port()).exchange(request(target, headers, "p-" + n));
        String what = "GET " + target + "\n" + headers;
        assertThat(fast.status()).as(what).isEqualTo(slow.status());
        assertThat(fast.body().replace("h-" + n, "ID")).as(what).isEqualTo(slow.body().replace("p-" + n, "ID"));
        assertThat(fast.header("Content-Type")).as(what).isEqualTo(slow.header("Content-Type"));
        assertThat(fast.header("X-Request-Id")).as(what).isEqualTo("h-" + n);
        assertThat(otherHeaders(fast)).as(what).isEqualTo(otherHeaders(slow));
    }

    private static String request(String target, String headers, String id) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + id + "\r\n" + headers
                + "Connection: close\r\n\r\n";
    }

    /** The headers but those a body's framing or the request id set. */
    private static Set<String> otherHeaders(Answer answer) {
        Set<String> names = new java.util.TreeSet<>(answer.headers().keySet());
        names.removeAll(Set.of("x-request-id", "content-length", "transfer-encoding", "connection", "date"));
        return names;
    }

    /** A request: its path, its query (with the question mark), its header lines. */
    record Sent(String path, String query, String headers) {
        @Override
        public String toString() {
            return "GET " + path + query + " with " + headers.replace("\r\n", "; ");
        }
    }

    /** Requests as clients send them: most are for the shortcut, a few are not (an unknown parameter). */
    private static Gen<Sent> plainRequests() {
        Gen<String> headers = arbitrary().pick("", "", "Accept: application/json\r\n", "Accept: */*\r\n",
                "User-Agent: plain\r\n", JAVA_NET_HTTP)
                .map(extra -> "X-Auth-Token: " + TestServer.TOKEN + "\r\n" + extra);
        return plainTargets().zip(headers, (target, lines) -> new Sent(target.path(), target.query(), lines));
    }

    /** Plain reads signed as the official SDK signs them, some changed after signing ({@link SdkSignedRequests}). */
    private static Gen<Sent> signedRequests() {
        return plainTargets().flatMap(target -> SdkSignedRequests.headers(target.path(), target.pairs())
                .map(lines -> new Sent(target.path(), target.query(), lines)));
    }

    /** A plain read's path and its query's pairs. */
    private record Target(String path, List<String> pairs) {
        String query() {
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }
    }

    private static Gen<Target> plainTargets() {
        Gen<String> path = arbitrary().pick("/images/group", "/images", "/images/ID0", "/images/ID2", "/images/ID3")
                .zip(arbitrary().pick(TestServer.PROJECT_A, "project-b"), (t, p) -> "/v1/" + p + t
                        .replace("ID0", IDS.get(0)).replace("ID2", IDS.get(2)).replace("ID3", IDS.get(3)));
        Gen<List<String>> pairs = lists().of(arbitrary().pick("limit=1", "limit=10", "offset=0", "offset=1", "name=app",
                "name=ap", "name_fuzzy_match=false", "namespace=team", "type=DEDICATED", "type=BUILD_IN",
                "workspace_id=0", "service_type=DEV", "sort_dir=ASC", "status=ACTIVE")).ofSizeBetween(0, 3);
        return path.zip(pairs, Target::new);
    }

    private static Gen<String> paths() {
        Gen<String> project = arbitrary().pick(TestServer.PROJECT_A, TestServer.PROJECT_A, "project-b", "project-c",
                "Project-A", "p%2Da", "-bad", "a".repeat(65));
        Gen<String> tail = arbitrary().pick("/images/group", "/images/group", "/images", "/images", "/images/",
                "/images/group/", "/images//group", "/images/ID0", "/images/ID1", "/images/ID3", "/images/nope",
                "/images/%41", "/images/a.b", "/images/group;x=1");
        return project.zip(tail, (p, t) -> "/v1/" + p + t.replace("ID0", IDS.get(0)).replace("ID1", IDS.get(1))
                .replace("ID3", IDS.get(3)));
    }

    private static Gen<String> queries() {
        Gen<String> names = arbitrary().pick("limit", "offset", "name", "name_fuzzy_match", "namespace", "type",
                "workspace_id", "swr_instance_id", "service_type", "sort_dir", "sort_key", "status", "show_name",
                "show_tag", "unknown", "LIMIT");
        Gen<String> values = arbitrary().pick("1", "2", "10", "0", "-1", "1001", "1000", "99999999999", "007", "+3",
                "app", "ap", "team", "other", "TEAM", "true", "false", "TRUE", "yes", "DEDICATED", "BUILD_IN",
                "dedicated", "DEV", "TRAIN", "ASC", "DESC", "asc", "ACTIVE", "create_at", "0",
                "0123456789abcdef0123456789abcdef", "a+b", "a%20b", "%41pp", "", "a~b", "a.b", "x".repeat(513));
        Gen<String> pair = names.zip(values, (k, v) -> k + "=" + v);
        Gen<List<String>> pairs = lists().of(arbitrary().pick("", "&", "limit", "=1").mix(pair, 90))
                .ofSizeBetween(0, 4);
        return pairs.zip(arbitrary().pick(true, true, true, false),
                (list, withMark) -> list.isEmpty() ? (withMark ? "" : "?") : "?" + String.join("&", list));
    }

    private static Gen<String> headerLines() {
        Gen<String> token = arbitrary().pick(TestServer.TOKEN, TestServer.TOKEN, TestServer.TOKEN, TestServer.TOKEN_A,
                TestServer.READER_TOKEN, "no-such-token", "", "two");
        Gen<String> extra = arbitrary().pick("", "", "", "", "Accept: application/json\r\n", "Accept: */*\r\n",
                "Accept: text/html\r\n", "Accept: application/json, text/plain\r\n", "Accept: application/json;q=0\r\n",
                "Accept: \r\n", "Content-Type: application/json\r\n", "Content-Length: 0\r\n",
                "Authorization: SDK-HMAC-SHA256 Access=x, SignedHeaders=host, Signature=y\r\n",
                "Accept: application/json\r\nAccept: */*\r\n", "User-Agent: equivalence\r\n");
        return token.zip(extra, (t, e) -> (t.isEmpty() ? "" : "two".equals(t)
                ? "X-Auth-Token: " + TestServer.TOKEN + "\r\nX-Auth-Token: " + TestServer.TOKEN + "\r\n"
                : "X-Auth-Token: " + t + "\r\n") + e);
    }

    private static Map<String, Map<String, Object>> accessLines(String prefix) {
        return ServerRecords.accessLines(access, prefix);
    }

    private static List<String> journal(TestServer server) {
        return ServerRecords.journal(server);
    }

    private static String timers(TestServer server) {
        return ServerRecords.timers(server);
    }

}
