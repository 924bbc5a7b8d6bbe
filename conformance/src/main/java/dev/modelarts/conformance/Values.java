package dev.modelarts.conformance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.media.Schema;

import dev.modelarts.conformance.ApiSpec.Param;

/**
 * Parameter values from a parameter's schema: ones it allows (for requests that should succeed)
 * and, for each limit it sets, one that breaks it (for requests that must be refused).
 */
final class Values {

    /** Strings tried, in order, for one that breaks a pattern; the first ones are safe in a path. */
    private static final List<String> PATTERN_BREAKERS = List.of("a_b", "A", "a b", "a!b", "-", "~");

    private Values() {
    }

    /**
     * Values the parameter allows: one seen in a list answer under the same name, else each enum
     * value, else both booleans, else its example or default. Empty when none is known.
     */
    static List<String> valid(Param p, Knowledge knowledge) {
        Schema<?> s = p.schema();
        List<String> values = new ArrayList<>();
        knowledge.seen(p.name()).filter(v -> allows(s, v)).ifPresent(values::add);
        if (!values.isEmpty()) {
            return values;
        }
        if (s.getEnum() != null) {
            s.getEnum().forEach(v -> values.add(String.valueOf(v)));
        } else if ("boolean".equals(s.getType())) {
            values.addAll(List.of("true", "false"));
        } else if (p.example() != null) {
            values.add(String.valueOf(p.example()));
        } else if (s.getDefault() != null) {
            values.add(String.valueOf(s.getDefault()));
        }
        if ("integer".equals(s.getType()) && s.getMinimum() != null) {
            // the smallest allowed value exercises the boundary (limit=1 pages through)
            String min = s.getMinimum().toBigInteger().toString();
            if (!values.contains(min)) {
                values.add(min);
            }
        }
        return values;
    }

    /** For each limit the schema sets, a value that breaks it, keyed by what it breaks. */
    static Map<String, String> invalid(Param p) {
        Schema<?> s = p.schema();
        Map<String, String> values = new LinkedHashMap<>();
        String type = s.getType();
        if ("integer".equals(type) || "number".equals(type)) {
            values.put("not a number", "x1");
            if (s.getMinimum() != null) {
                values.put("below minimum " + plain(s.getMinimum()), plain(s.getMinimum().subtract(BigDecimal.ONE)));
            }
            if (s.getMaximum() != null) {
                values.put("above maximum " + plain(s.getMaximum()), plain(s.getMaximum().add(BigDecimal.ONE)));
            }
        } else if ("boolean".equals(type)) {
            values.put("not a boolean", "maybe");
        } else if (s.getEnum() != null) {
            values.put("not one of the enum", "NOT_IN_THE_ENUM");
        } else if ("string".equals(type)) {
            if (s.getMaxLength() != null) {
                values.put("longer than " + s.getMaxLength(), longest(s, s.getMaxLength() + 1));
            }
            if (s.getPattern() != null) {
                PATTERN_BREAKERS.stream().filter(v -> !Pattern.compile(s.getPattern()).matcher(v).find()).findFirst()
                        .ifPresent(v -> values.put("not matching " + s.getPattern(), v));
            }
        }
        return values;
    }

    /** The invalid values of a path parameter that stay one path segment, unencoded. */
    static Map<String, String> invalidInPath(Param p) {
        Map<String, String> values = new LinkedHashMap<>();
        invalid(p).forEach((what, value) -> {
            if (value.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_.".indexOf(c) >= 0)) {
                values.put(what, value);
            }
        });
        return values;
    }

    /** A string of the given length the schema's pattern allows, when one of a single letter does. */
    private static String longest(Schema<?> s, int length) {
        for (String c : List.of("a", "0", "A")) {
            String value = c.repeat(length);
            if (s.getPattern() == null || Pattern.compile(s.getPattern()).matcher(value).find()) {
                return value;
            }
        }
        return "a".repeat(length);
    }

    private static boolean allows(Schema<?> s, String value) {
        if (s.getEnum() != null) {
            return s.getEnum().stream().anyMatch(v -> String.valueOf(v).equals(value));
        }
        if ("string".equals(s.getType())) {
            return (s.getMaxLength() == null || value.length() <= s.getMaxLength())
                    && (s.getMinLength() == null || value.length() >= s.getMinLength())
                    && (s.getPattern() == null || Pattern.compile(s.getPattern()).matcher(value).find());
        }
        return false;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
