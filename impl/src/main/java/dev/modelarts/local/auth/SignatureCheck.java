package dev.modelarts.local.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;

/**
 * Verifies an SDK-HMAC-SHA256 signature (docs/api-reference.md §6.4): the canonical request is
 * rebuilt from the client's own SignedHeaders list, and {@code X-Sdk-Date} must be within 15
 * minutes of the server's clock. One check for both paths a request can take: {@link AuthFilter}
 * in Jersey and the hot reads at the edge, each giving the request's parts as it reads them.
 * No secret (SK, signature) ever goes into a message.
 */
public final class SignatureCheck {

    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    /** How the {@code Authorization} header of a signed request begins. */
    public static final String PREFIX = SdkHmacSha256.ALGORITHM + " ";

    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private final Credentials credentials;
    private final Clock clock;

    /** @param clock the machine's clock, which {@code X-Sdk-Date} is checked against */
    public SignatureCheck(Credentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * The signer of a request, or an {@link ApiException} ({@code APIG.0301}) saying why not.
     *
     * @param parameters  the {@code Authorization} header after {@link #PREFIX}
     * @param date        the {@code X-Sdk-Date} header, or null
     * @param header      a header's value by lower-case name, or null where it is missing
     * @param payloadHash the body's SHA-256 as the signature covers it, asked only when needed
     */
    public Principal verify(String method, String rawPath, String rawQuery, String parameters, String date,
            UnaryOperator<String> header, Supplier<String> payloadHash) {
        Map<String, String> fields = new HashMap<>();
        for (String part : parameters.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String ak = fields.get("Access");
        String signedHeaders = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (ak == null || signedHeaders == null || signature == null || signedHeaders.isEmpty()) {
            throw refused("the Authorization header must carry Access, SignedHeaders and Signature");
        }
        List<String> signed = Arrays.asList(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
        if (!signed.contains("host") || !signed.contains("x-sdk-date")) {
            throw refused("host and x-sdk-date must be signed");
        }
        if (date == null) {
            throw refused("the X-Sdk-Date header is missing");
        }
        checkDate(date);
        Principal principal = credentials.forAccessKey(ak).orElseThrow(() -> refused("the access key does not exist"));
        String secretKey = credentials.secretKey(ak).orElseThrow();

        Map<String, String> headers = new HashMap<>();
        for (String name : signed) {
            String value = header.apply(name);
            if (value == null) {
                throw refused("the signed header " + name + " is missing");
            }
            headers.put(name, value);
        }
        var canonical = new SdkHmacSha256.Request(method, rawPath, rawQuery, headers, signed, payloadHash.get());
        if (!SdkHmacSha256.same(SdkHmacSha256.signature(canonical, date, secretKey), signature)) {
            throw refused("verify aksk signature fail");
        }
        return principal;
    }

    private void checkDate(String date) {
        Instant sent;
        try {
            sent = LocalDateTime.parse(date, SDK_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw refused("X-Sdk-Date must be yyyyMMddTHHmmssZ");
        }
        Duration skew = Duration.between(sent, clock.instant()).abs();
        if (skew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw refused("X-Sdk-Date is more than 15 minutes from the server's time");
        }
    }

    private static ApiException refused(String why) {
        return new ApiException(ErrorCode.SIGNATURE_REFUSED, "Incorrect IAM authentication information: " + why + ".");
    }
}
