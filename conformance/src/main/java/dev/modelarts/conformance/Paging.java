package dev.modelarts.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.conformance.ApiSpec.Operation;
import dev.modelarts.conformance.ApiSpec.Param;
import dev.modelarts.conformance.Target.Request;

/**
 * The paging arithmetic both list operations document: with {@code limit} (its default when not
 * sent) and {@code offset} (0 when not sent), a page holds min(limit, max(0, total - offset))
 * records and {@code pages} = max(1, ceil(total / limit)). A list answer is one with
 * {@code data} (an array) and {@code total}; other answers are left alone.
 */
final class Paging {

    private Paging() {
    }

    static List<String> problems(Operation op, Request request, JsonNode body) {
        if (!body.path("data").isArray() || !body.path("total").canConvertToLong()) {
            return List.of();
        }
        Long limit = value(op, request, "limit");
        Long offset = value(op, request, "offset");
        if (limit == null || limit < 1) {
            return List.of();
        }
        long off = offset == null ? 0 : offset;
        long total = body.path("total").asLong();
        long expected = Math.min(limit, Math.max(0, total - off));
        List<String> problems = new ArrayList<>();
        int records = body.path("data").size();
        if (records != expected) {
            problems.add("$.data has " + records + " records; with total " + total + ", limit " + limit
                    + " and offset " + off + " it should have " + expected);
        }
        if (body.has("pages")) {
            long pages = Math.max(1, (total + limit - 1) / limit);
            if (body.path("pages").asLong() != pages) {
                problems.add("$.pages is " + body.path("pages").asLong() + "; with total " + total
                        + " and limit " + limit + " it should be " + pages);
            }
        }
        return problems;
    }

    /** The query parameter's value as sent, else its documented default; null when neither. */
    private static Long value(Operation op, Request request, String name) {
        for (Map.Entry<String, String> e : request.query()) {
            if (e.getKey().equals(name)) {
                try {
                    return Long.parseLong(e.getValue());
                } catch (NumberFormatException notANumber) {
                    return null;
                }
            }
        }
        return op.params("query").stream().filter(p -> p.name().equals(name)).findFirst()
                .map(Param::schema).map(s -> s.getDefault() instanceof Number n ? n.longValue() : null)
                .orElse(null);
    }
}
