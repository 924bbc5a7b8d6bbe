package dev.modelarts.local.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Huawei Cloud's SDK-HMAC-SHA256 request signature, as the official SDKs compute it
 * (docs/api-reference.md §6.3): a canonical request of the method, the path (each raw segment encoded, every segment
 * followed by {@code /}), the query (decoded, re-encoded, sorted by key), the signed headers and
 * the body's SHA-256; signed as
 * {@code HMAC-SHA256(SK, "SDK-HMAC-SHA256\n" + X-Sdk-Date + "\n" + hex(SHA-256(canonical)))}.
 */
public final class SdkHmacSha256 {

    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    public static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final HexFormat HEX = HexFormat.of();

    private SdkHmacSha256() {
    }

    /**
     * What a signature covers.
     *
     * @param method        the HTTP method, upper case
     * @param rawPath       the path as sent, still percent-encoded
     * @param rawQuery      the query as sent, or null
     * @param headers       header values by lower-case name
     * @param signedHeaders the lower-case names the client signed, in its order
     * @param payloadHash   lower-case hex SHA-256 of the body, or the client's X-Sdk-Content-Sha256
     */
    public record Request(String method, String rawPath, String rawQuery, Map<String, String> headers,
            List<String> signedHeaders, String payloadHash) {
    }

    public static String signature(Request request, String date, String secretKey) {
        String stringToSign = ALGORITHM + "\n" + date + "\n" + HEX.formatHex(sha256(canonicalRequest(request)));
        return HEX.formatHex(hmacSha256(secretKey.getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    static String canonicalRequest(Request request) {
        StringBuilder headers = new StringBuilder();
        for (String name : request.signedHeaders()) {
            String value = request.headers().get(name);
            headers.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        return request.method() + "\n"
                + canonicalUri(request.rawPath()) + "\n"
                + canonicalQuery(request.rawQuery()) + "\n"
                + headers + "\n"
                + String.join(";", request.signedHeaders()) + "\n"
                + request.payloadHash();
    }

    /** Each raw segment encoded, each followed by {@code /}; "/" and "" stay "/". */
    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        String[] segments = rawPath.split("/");
        StringBuilder uri = new StringBuilder();
        for (String segment : segments) {
            uri.append(encode(segment)).append('/');
        }
        return uri.toString();
    }

    /** {@code E(key)=E(value)} pairs sorted by encoded key; a key's values keep their order. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            sorted.computeIfAbsent(encode(percentDecode(key)), k -> new ArrayList<>()).add(encode(percentDecode(value)));
        }
        List<String> pairs = new ArrayList<>();
        sorted.forEach((key, values) -> values.forEach(value -> pairs.add(key + "=" + value)));
        return String.join("&", pairs);
    }

    /** UTF-8 percent-encoding that leaves only {@code A-Z a-z 0-9 - _ . ~} as they are. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Decodes {@code %XX} escapes (a '+' stays a '+'); a malformed escape is kept as text. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length
                    && Character.digit(bytes[i + 1], 16) >= 0 && Character.digit(bytes[i + 2], 16) >= 0) {
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String sha256Hex(byte[] body) {
        return body.length == 0 ? EMPTY_BODY_SHA256 : HEX.formatHex(sha256(body));
    }

    /** Compares two signatures in time independent of where they differ. */
    public static boolean same(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmacSha256(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
