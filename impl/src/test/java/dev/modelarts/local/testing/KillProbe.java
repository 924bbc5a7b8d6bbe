package dev.modelarts.local.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.auth.Credentials;

/**
 * Registers and deletes images from many threads and keeps what the server acknowledged: a
 * registration answered 200 must stay, a delete answered 200 must stay done, whatever happens to
 * the server or its database meanwhile. A request that got no answer (the server was killed under
 * it) may have happened or not: {@link Ledger#reconcile} accepts either, once.
 *
 * <p>The load uses a bare {@link HttpClient}: checking every answer against the spec (as
 * {@link ApiClient} does) would take the server's CPU on a machine of two cores.
 */
public final class KillProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = "dev-project";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Ledger ledger = new Ledger();
    private final AtomicInteger serial = new AtomicInteger();

    /** What one load phase saw. */
    public record Load(int registered, int deleted, Map<Integer, Integer> statuses, List<String> unexpected) {
    }

    public Ledger ledger() {
        return ledger;
    }

    /**
     * Runs {@code writers} registering threads and {@code deleters} deleting threads against
     * {@code base} until {@code stop} is set; then waits for them. Each answer other than 200 is
     * counted by status; {@code allowed} says which answers are expected (the rest are listed in
     * {@link Load#unexpected}).
     */
    public Load run(URI base, int writers, int deleters, AtomicBoolean stop, Predicate<Answer> allowed)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(writers + deleters);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger registered = new AtomicInteger();
        AtomicInteger deleted = new AtomicInteger();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            pool.submit(() -> {
                while (!stop.get()) {
                    String path = "swr.example.com/ns" + (writer % 4) + "/img" + (writer % 8) + ":t" + serial.incrementAndGet();
                    ledger.registering(path);
                    Answer answer = send(base, "POST", "/v1/" + PROJECT + "/images", "{\"swr_path\":\"" + path + "\"}");
                    if (answer.status == 200) {
                        ledger.registered(path, answer.json.get("id").asText());
                        registered.incrementAndGet();
                    } else if (answer.status > 0) {
                        note(answer, "POST " + path, statuses, unexpected, allowed);
                        if (answer.status < 500) {
                            ledger.refused(path);
                        }
                    }
                }
            });
        }
        for (int d = 0; d < deleters; d++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    Map.Entry<String, String> victim = ledger.pickForDelete();
                    if (victim == null) {
                        sleep(5);
                        continue;
                    }
                    Answer answer = send(base, "DELETE", "/v1/" + PROJECT + "/images/" + victim.getValue(), null);
                    if (answer.status == 200) {
                        ledger.deleted(victim.getKey(), victim.getValue());
                        deleted.incrementAndGet();
                    } else if (answer.status > 0) {
                        note(answer, "DELETE " + victim.getKey(), statuses, unexpected, allowed);
                        if (answer.status < 500) {
                            unexpected.add("DELETE of an acknowledged image " + victim + ": " + answer.status + " "
                                    + answer.body);
                        }
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("the load did not stop within 120 s of being told to");
        }
        return new Load(registered.get(), deleted.get(), Map.copyOf(statuses), List.copyOf(unexpected));
    }

    private static void note(Answer answer, String what, Map<Integer, Integer> statuses, List<String> unexpected,
            Predicate<Answer> allowed) {
        statuses.merge(answer.status, 1, Integer::sum);
        if (!allowed.test(answer) && unexpected.size() < 20) {
            unexpected.add(what + ": " + answer.status + " " + answer.body);
        }
    }

    /** An answer; status 0 when none came (the connection failed or broke). */
    public record Answer(int status, JsonNode json, String body, HttpResponse<String> response) {
    }

    public Answer send(URI base, String method, String pathAndQuery, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("X-Auth-Token", Credentials.DEV_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().startsWith("{") ? JSON.readTree(response.body()) : null;
            return new Answer(response.statusCode(), json, response.body(), response);
        } catch (IOException e) {
            return new Answer(0, null, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, e.toString(), null);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A random time in [min, max) ms from a seeded generator, for the moment of a kill. */
    public static long between(Random random, long min, long max) {
        return min + (long) (random.nextDouble() * (max - min));
    }
}
