package dev.modelarts.local.testkit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@link TestControls} over HTTP, through the test-control API: what a
 * server in another process (a container) offers. Each call checks the answer's status and turns
 * a refusal into the exception {@link TestControls} names.
 */
public final class HttpControls implements TestControls {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    private static final Pattern REGISTERED = Pattern.compile("\"registered\"\\s*:\\s*(\\d+)");

    private final ModelArtsClient client;

    /** @param client a client whose credential may use the test-control API */
    public HttpControls(ModelArtsClient client) {
        this.client = client;
    }

    @Override
    public void reset() {
        expect(client.send("POST", "_modelarts/reset", null), 200, "reset");
    }

    @Override
    public int seed(String json) {
        return Integer.parseInt(first(REGISTERED, expect(client.post("_modelarts/seed", json), 200, "seed")));
    }

    @Override
    public String fault(String json) {
        return first(ID, expect(client.post("_modelarts/faults", json), 201, "fault"));
    }

    @Override
    public String transition(String json) {
        return first(ID, expect(client.post("_modelarts/transitions", json), 201, "transition"));
    }

    @Override
    public void advanceClock(Duration by) {
        expect(client.post("_modelarts/clock", "{\"advance_ms\": " + by.toMillis() + "}"), 200, "clock");
    }

    @Override
    public String requests(String query) {
        String path = query == null || query.isEmpty() ? "_modelarts/requests" : "_modelarts/requests?" + query;
        return expect(client.get(path), 200, "requests");
    }

    @Override
    public int verify(String check) {
        ModelArtsClient.Reply reply = client.post("_modelarts/requests/verify", check);
        if (reply.status() == 409) {
            throw new AssertionError("requests not as expected: " + reply.body());
        }
        return Integer.parseInt(first(COUNT, expect(reply, 200, "verify")));
    }

    private static String expect(ModelArtsClient.Reply reply, int status, String what) {
        if (reply.status() == status) {
            return reply.body();
        }
        if (reply.status() == 400) {
            throw new IllegalArgumentException(what + " refused: " + reply.body());
        }
        throw new IllegalStateException(what + " answered " + reply.status() + " (request id " + reply.requestId()
                + "): " + reply.body());
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return m.group(1);
    }
}
