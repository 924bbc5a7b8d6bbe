package dev.modelarts.local.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.modelarts.local.hostile.SpecOperations.Operation;
import dev.modelarts.local.hostile.SpecOperations.Param;
import dev.modelarts.local.hostile.SpecOperations.Schema;
import dev.modelarts.local.testing.TestServer;

/**
 * Builds hostile requests from the spec's operations: a valid request for each operation (against
 * seeded images, so a write that wrongly went through would show), and that request broken in one
 * way that must make it fail. The inputs (which parameter, which text, which byte) come from the
 * property tests' generators.
 */
final class Attacks {

    static final String PROJECT = "hostile";

    /** Ways to break a request; each must make the server refuse it and change nothing. */
    enum Breaker { BAD_ESCAPE, RAW_BYTE, PARAM_VALUE, CREDENTIAL, BODY, HEADER_BYTE }

    private static final String[] BAD_ESCAPES = {"%ZZ", "%4", "%u0041", "%", "%C0%AF", "%ED%A0%80", "%FF", "%E4%B8", "%00", "%0A", "%7F"};
    private static final int[] RAW_BYTES = {0x00, 0x01, 0x09, 0x0D, 0x0A, 0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D, 0x7F, 0x80, 0xA0, 0xC2, 0xC3, 0xFF};
    private static final String[][] INVALID_UTF8 = {{"C0", "AF"}, {"ED", "A0", "80"}, {"FF"}, {"80"}, {"F8", "88", "80", "80", "80"}, {"E4", "B8"}, {"F4", "90", "80", "80"}};

    private final String imageId;
    private final String groupId;

    Attacks(String imageId, String groupId) {
        this.imageId = imageId;
        this.groupId = groupId;
    }

    /** The operations whose requests can be broken (all but the credential-free health check). */
    static List<Operation> breakable() {
        return SpecOperations.all().stream().filter(Operation::secured).toList();
    }

    /**
     * The read operations, less the served contract (/openapi.*, /docs): a docs page is HTML and
     * its scripts name exceptions, which the answers to attacks must not.
     */
    static List<Operation> reads() {
        return SpecOperations.all().stream().filter(op -> op.method().equals("GET"))
                .filter(op -> !op.path().startsWith("/docs") && !op.path().startsWith("/openapi")).toList();
    }

    /** A request the server accepts: the operation on the seeded image or group. */
    HostileRequest valid(Operation op, String category, int n) {
        String path = op.path().replace("{project_id}", PROJECT)
                .replace("{image_id}", imageId)
                .replace("{id}", op.path().contains("/group/") ? groupId : imageId)
                .replace("{fault_id}", "01a2445a-0000-7000-8000-000000000000");
        // the test-control API (/_modelarts/) takes the admin credential; every other operation the plain one
        String token = op.path().startsWith("/_modelarts/") ? TestServer.ADMIN_TOKEN : TestServer.TOKEN;
        List<String> headers = List.of("Host: 127.0.0.1", "X-Auth-Token: " + token);
        HostileRequest request = new HostileRequest(category, op.method(), path, null, headers, null);
        return switch (op.id()) {
            case "registerImage" -> request.withBody(json("{\"swr_path\":\"swr.example.com/" + PROJECT + "/app:t" + n + "\"}"), "application/json");
            case "updateImageGroup" -> request.withBody(json("{\"read_me\":\"read me " + n + "\"}"), "application/json");
            case "deleteImage", "deleteImageGroup" -> request.withBody(json("{\"is_force\":false}"), "application/json");
            case "seedImages" -> request.withBody(json("{\"images\":[{\"project_id\":\"" + PROJECT
                    + "\",\"swr_path\":\"swr.example.com/" + PROJECT + "/app:s" + n + "\"}]}"), "application/json");
            case "changeProviderState" -> request.withBody(json("{\"state\":\"an image is registered\",\"params\":"
                    + "{\"project_id\":\"" + PROJECT + "\",\"namespace\":\"" + PROJECT + "\",\"tag\":\"s" + n + "\"}}"),
                    "application/json");
            // rules that match no request of the suite, were they ever added
            case "addTransition" -> request.withBody(json("{\"project_id\":\"nobody-" + n
                    + "\",\"path\":[\"CREATING\",\"ACTIVE\"],\"polls\":1}"), "application/json");
            case "changeClock" -> request.withBody(json("{\"advance_ms\":0}"), "application/json");
            case "verifyRequests" -> request.withBody(json("{\"operation\":\"SyncImage\",\"at_least\":0}"),
                    "application/json");
            // valid, and it would empty every project: the snapshot would tell, were it ever taken
            case "importState" -> request.withBody(json("{\"format_version\":1,\"groups\":[],\"transitions\":[]}"),
                    "application/json");
            case "addFault" -> request.withBody(json("{\"operation\":\"SyncImage\",\"project_id\":\"nobody-" + n
                    + "\",\"action\":\"delay\",\"delay_ms\":1}"), "application/json");
            default -> request;
        };
    }

    /** {@code op}'s valid request broken by {@code breaker}; {@code text} and {@code pick} choose how. */
    HostileRequest mustFail(Operation op, Breaker breaker, String text, int pick) {
        HostileRequest base = valid(op, "must-fail " + breaker.name().toLowerCase().replace('_', '-'), pick);
        return switch (breaker) {
            case BAD_ESCAPE -> base.withQuery(queryName(op, pick) + "=" + encode(text) + BAD_ESCAPES[pick % BAD_ESCAPES.length]);
            case RAW_BYTE -> rawByte(base, pick);
            case PARAM_VALUE -> paramValue(op, base, text, pick).orElseGet(() -> mustFail(op, Breaker.BAD_ESCAPE, text, pick));
            // IAM's project discovery takes any valid credential: only a missing or unknown one fails
            case CREDENTIAL -> switch (op.id().equals("keystoneListProjects") ? pick % 2 : pick % 4) {
                case 0 -> base.withHeader("X-Auth-Token", null);
                case 1 -> base.withHeader("X-Auth-Token", "unknown-" + Integer.toHexString(pick));
                case 2 -> base.withHeader("X-Auth-Token", TestServer.TOKEN_A);
                default -> base.withHeader("X-Auth-Token", TestServer.READER_TOKEN);
            };
            case BODY -> op.body().isPresent() ? body(op, base, text, pick) : mustFail(op, Breaker.BAD_ESCAPE, text, pick);
            case HEADER_BYTE -> base.withHeader("X-Auth-Token", TestServer.TOKEN + latin1(RAW_BYTES[pick % RAW_BYTES.length]) + "x");
        };
    }

    /** A read with any values: valid, boundary or arbitrary text, each properly encoded. */
    HostileRequest anyRead(Operation op, List<String> texts, int pick) {
        HostileRequest base = valid(op, "any-read " + op.id(), pick);
        List<String> query = new ArrayList<>();
        List<Param> params = op.in("query");
        for (int i = 0; i < params.size() && i < texts.size(); i++) {
            Param param = params.get((pick + i) % params.size());
            String value = switch ((pick >> i) % 4) {
                case 0 -> texts.get(i);
                case 1 -> validValue(param.schema(), pick + i);
                case 2 -> boundary(param.schema(), pick + i);
                default -> null;
            };
            if (value != null) {
                query.add(param.name() + "=" + encode(value));
            }
        }
        if (pick % 7 == 0) {
            query.add(encode(texts.isEmpty() ? "x" : texts.get(0)) + "=1");
        }
        if (op.id().equals("showImage") && pick % 3 == 0) {
            base = base.withPath(base.path().replace(imageId, encodePath(texts.isEmpty() ? "" : texts.get(texts.size() - 1))));
        }
        return query.isEmpty() ? base : base.withQuery(String.join("&", query));
    }

    private static String queryName(Operation op, int pick) {
        List<Param> params = op.in("query");
        return params.isEmpty() ? "x" : params.get(pick % params.size()).name();
    }

    private static HostileRequest rawByte(HostileRequest base, int pick) {
        String bad = latin1(RAW_BYTES[pick % RAW_BYTES.length]);
        if (pick % 2 == 0) {
            int at = 4 + pick % (base.path().length() - 4);
            return base.withPath(base.path().substring(0, at) + bad + base.path().substring(at));
        }
        return base.withQuery("name=a" + bad + "b");
    }

    private static Optional<HostileRequest> paramValue(Operation op, HostileRequest base, String text, int pick) {
        List<Param> params = op.params();
        if (params.isEmpty()) {
            return Optional.empty();
        }
        Param param = params.get(pick % params.size());
        Optional<String> invalid = invalidValue(param.schema(), text, pick);
        if (invalid.isEmpty() || !param.in().equals("query") && invalid.get().matches("\\.{1,2}")) {
            // a path segment "." or ".." is resolved away, not sent as a value
            return Optional.empty();
        }
        if (param.in().equals("query")) {
            return Optional.of(base.withQuery(param.name() + "=" + encode(invalid.get())));
        }
        String segment = param.name().equals("project_id") ? PROJECT : null;
        String path = base.path();
        String current = segment != null ? segment : path.substring(path.lastIndexOf('/') + 1);
        if (param.name().equals("image_id")) {
            current = path.split("/")[4];
        }
        return Optional.of(base.withPath(path.replaceFirst("/" + java.util.regex.Pattern.quote(current) + "(/|$)",
                "/" + java.util.regex.Matcher.quoteReplacement(encodePath(invalid.get())) + "$1")));
    }

    /** A value the schema refuses, when there is one to be made from {@code text}. */
    static Optional<String> invalidValue(Schema schema, String text, int pick) {
        List<String> candidates = new ArrayList<>();
        switch (schema.type()) {
            case "integer" -> {
                candidates.addAll(List.of("+1", "\u0663", "1.5", " 1", "0x1", "99999999999", "1e3", "1_0", text + "x"));
                if (schema.minimum() != null) {
                    candidates.add(String.valueOf(schema.minimum() - 1));
                }
                if (schema.maximum() != null) {
                    candidates.add(String.valueOf(schema.maximum() + 1));
                }
            }
            case "boolean" -> candidates.addAll(List.of(text + "?", "1", "yes", "tru", "false "));
            default -> {
                candidates.addAll(List.of(text, text + "!", "\u00c9" + text, "A" + text, "-" + text));
                if (schema.maxLength() != null) {
                    candidates.add("a".repeat(schema.maxLength() + 1));
                }
            }
        }
        int start = pick % candidates.size();
        for (int i = 0; i < candidates.size(); i++) {
            String value = candidates.get((start + i) % candidates.size());
            boolean refused = switch (schema.type()) {
                case "integer" -> !value.matches("-?[0-9]+") || outOfRange(schema, value);
                case "boolean" -> !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false");
                default -> !schema.accepts(value);
            };
            if (refused && !value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static boolean outOfRange(Schema schema, String value) {
        try {
            long n = Long.parseLong(value);
            return schema.minimum() != null && n < schema.minimum() || schema.maximum() != null && n > schema.maximum()
                    || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String validValue(Schema schema, int pick) {
        if (!schema.enumValues().isEmpty()) {
            return schema.enumValues().get(pick % schema.enumValues().size());
        }
        return switch (schema.type()) {
            case "integer" -> String.valueOf(schema.minimum() == null ? 1 : schema.minimum() + pick % 5);
            case "boolean" -> pick % 2 == 0 ? "true" : "FALSE";
            default -> schema.accepts("abc") ? "abc" : schema.accepts("0") ? "0" : "a";
        };
    }

    private static String boundary(Schema schema, int pick) {
        return switch (schema.type()) {
            case "integer" -> String.valueOf(pick % 2 == 0
                    ? (schema.maximum() == null ? Integer.MAX_VALUE : schema.maximum())
                    : (schema.minimum() == null ? 0 : schema.minimum()));
            case "boolean" -> "True";
            default -> schema.maxLength() == null ? "" : "a".repeat(schema.maxLength() + pick % 2);
        };
    }

    private HostileRequest body(Operation op, HostileRequest base, String text, int pick) {
        SpecOperations.Body body = op.body().orElseThrow();
        String valid = new String(base.body(), StandardCharsets.UTF_8);
        String inner = valid.substring(1, valid.length() - 1);
        return switch (pick % 9) {
            case 0 -> base.withBody(json(valid.substring(0, valid.length() / 2)), "application/json");
            case 1 -> base.withBody(json(List.of("[]", "\"x\"", "1", "true", "[" + valid + "]").get(pick / 9 % 5)), "application/json");
            case 2 -> body.required().isEmpty() ? wrongType(body, base, inner, pick)
                    : base.withBody(json("{\"unrelated\":\"" + escape(text) + "\"}"), "application/json");
            case 3 -> wrongType(body, base, inner, pick);
            case 4 -> base.withBody(concat(json("{" + inner + ",\"note\":\"a"), hex(INVALID_UTF8[pick / 9 % INVALID_UTF8.length]), json("b\"}")), "application/json");
            case 5 -> base.withBody(json("{" + inner + ",\"note\":\"a\\u0000b\"}"), "application/json");
            case 6 -> base.withBody(json("{" + inner + ",\"note\":\"a\\ud" + "800b\"}"), "application/json");
            case 7 -> base.withBody(json("{" + inner + ",\"deep\":" + "[".repeat(40) + "]".repeat(40) + "}"), "application/json");
            default -> base.withBody(base.body(), List.of("text/plain", "/", "application/xml", "application/json; charset=\"", "multipart/form-data", "application/").get(pick / 9 % 6));
        };
    }

    private static HostileRequest wrongType(SpecOperations.Body body, HostileRequest base, String inner, int pick) {
        List<String> names = new ArrayList<>(body.properties().keySet());
        String name = names.get(pick % names.size());
        String wrong = switch (body.properties().get(name).type()) {
            case "string" -> "123";
            case "integer", "number" -> "\"1\"";
            case "boolean" -> "\"yes\"";
            case "array" -> "{\"a\":1}";
            default -> "[1]";
        };
        return base.withBody(json("{\"" + name + "\":" + wrong + (inner.contains("\"" + name + "\"") ? "" : "," + inner) + "}"), "application/json");
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String encodePath(String text) {
        return encode(text).replace("+", "%20");
    }

    static String latin1(int... bytes) {
        StringBuilder s = new StringBuilder();
        for (int b : bytes) {
            s.append((char) (b & 0xFF));
        }
        return s.toString();
    }

    private static byte[] hex(String[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) Integer.parseInt(bytes[i], 16);
        }
        return out;
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
