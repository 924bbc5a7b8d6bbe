package dev.modelarts.local.hot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.LogCapture;
import dev.modelarts.local.testing.TestServer;

/**
 * What a server records of the requests it answered, in a form two servers' records compare in
 * (the edge's answers against Jersey's): the access lines, the journal, the request timers.
 */
final class ServerRecords {

    private ServerRecords() {
    }

    /** The access log's events from now on (the tests' log configuration leaves that log out). */
    static LogCapture captureAccess() {
        ((Logger) LoggerFactory.getLogger("access")).setLevel(Level.INFO);
        return new LogCapture("access");
    }

    /** Stops capturing, and leaves the access log as the tests' configuration has it. */
    static void releaseAccess(LogCapture access) {
        ((Logger) LoggerFactory.getLogger("access")).setLevel(null);
        if (access != null) {
            access.close();
        }
    }

    /** Waits until {@code done}, for at most 10 s (Jersey logs and records just after it answers). */
    static void awaitUpTo10s(BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Each access line of the requests whose ids start with {@code prefix}, by number: its fields but the time. */
    static Map<String, Map<String, Object>> accessLines(LogCapture access, String prefix) {
        Map<String, Map<String, Object>> lines = new TreeMap<>();
        for (ILoggingEvent event : access.events()) {
            String id = event.getMDCPropertyMap().get("requestId");
            if (id != null && id.startsWith(prefix)) {
                Map<String, Object> fields = new HashMap<>();
                event.getKeyValuePairs().forEach(pair -> fields.put(pair.key, pair.value));
                fields.remove("ms");
                lines.put(id.substring(prefix.length()), fields);
            }
        }
        return lines;
    }

    /**
     * The journal's entries: what was asked, the answer's status, by whom, under which number
     * (the request ids' "h-" or "p-" left out), and the body it keeps, if any.
     */
    static List<String> journal(TestServer server) {
        JsonNode entries = ApiClient.withToken(server.baseUri(), TestServer.ADMIN_TOKEN).get("/_modelarts/requests")
                .json().get("requests");
        List<String> seen = new ArrayList<>();
        entries.forEach(e -> seen.add(e.path("method").asText() + " " + e.path("path").asText() + "?"
                + e.path("query").asText() + " " + e.path("status").asInt() + " " + e.path("principal").asText()
                + " " + e.path("request_id").asText().replaceFirst("^[hp]-", "") + " " + e.path("body")));
        return seen;
    }

    /** The request timers' counts, by their tags. */
    static String timers(TestServer server) {
        return new ApiClient(server.baseUri()).get("/metrics").body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count") && line.contains("uri=\"/v1/"))
                .sorted().collect(Collectors.joining("\n"));
    }
}
