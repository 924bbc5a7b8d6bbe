package dev.modelarts.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.testing.RawHttp.Answer;
import dev.modelarts.local.testing.SpecValidator;

/**
 * What every answer to a hostile request must be, and a count of them by category and status
 * for the report. An answer is never a 5xx, always carries an X-Request-Id, and an error is the
 * ModelArts JSON body with no trace of the implementation in it.
 */
final class Answers {

    /** What no answer may contain: stack traces, HTML pages, Java class names. */
    private static final List<String> FORBIDDEN = List.of("Exception", "at org.", "at java.", "<html", "<HTML", "<!DOCTYPE");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|org|com|sun|dev)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]*[A-Z][A-Za-z0-9_$]*");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<Integer, AtomicInteger>> counts = new ConcurrentSkipListMap<>();

    /** Checks one answer and counts it under {@code category}; {@code request} names it in failures. */
    void check(String category, String request, Answer answer) {
        counts.computeIfAbsent(category, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
        String context = request + " -> " + answer.status() + " " + answer.body();
        assertThat(answer.status()).as("an answer to %s", request).isNotZero();
        assertThat(answer.status()).as("no 5xx: %s", context).isLessThan(500);
        assertThat(answer.header("X-Request-Id")).as("X-Request-Id: %s", context).isNotNull().matches(REQUEST_ID);
        assertClean(answer.body(), context);
        if (answer.status() >= 400) {
            assertThat(answer.header("Content-Type")).as("JSON type: %s", context).startsWith("application/json");
            assertThat(SpecValidator.get().errorBodyProblems(answer.body())).as("error body: %s", context).isEmpty();
        }
    }

    /** The error code of an error answer. */
    static String errorCode(Answer answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body.path("error_code").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    static void assertClean(String body, String context) {
        for (String word : FORBIDDEN) {
            assertThat(body).as("no '%s' in %s", word, context).doesNotContain(word);
        }
        assertThat(CLASS_NAME.matcher(body).find()).as("no class name in %s", context).isFalse();
    }

    int total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(AtomicInteger::get).sum();
    }

    /** One line per category: the count and the histogram of statuses. */
    String report() {
        StringBuilder out = new StringBuilder();
        counts.forEach((category, statuses) -> {
            Map<Integer, Integer> sorted = new TreeMap<>();
            statuses.forEach((status, n) -> sorted.put(status, n.get()));
            out.append(String.format("%-28s %6d  %s%n", category,
                    sorted.values().stream().mapToInt(Integer::intValue).sum(), sorted));
        });
        out.append(String.format("%-28s %6d%n", "total", total()));
        return out.toString();
    }
}
