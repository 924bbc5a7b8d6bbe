package dev.modelarts.local.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;

import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.http.MatchedOperation;
import dev.modelarts.local.requestid.RequestId;

/**
 * Authenticates every API operation the way Huawei Cloud does, then checks that the credential
 * is bound to the path's project and allows the operation's IAM action.
 *
 * <ul>
 * <li>{@code X-Auth-Token}: a token from the credentials;</li>
 * <li>{@code Authorization: SDK-HMAC-SHA256 Access=.., SignedHeaders=.., Signature=..} with
 * {@code X-Sdk-Date}: verified by rebuilding the canonical request from the client's own
 * SignedHeaders list (docs/api-reference.md §6.4); the date must be within 15 minutes of the server's clock.</li>
 * </ul>
 * No secret (token, SK, signature) ever goes into a message or a log line.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter {

    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final String PREFIX = SdkHmacSha256.ALGORITHM + " ";
    /** The actions of the test-control API (/_modelarts/...), which this server adds. */
    private static final String CONTROL_ACTIONS = "modelarts:control:";
    /**
     * IAM's own actions (project discovery): any valid credential may use them for its own
     * projects, as every IAM user can list the projects it works in.
     */
    private static final String IAM_ACTIONS = "iam:";

    private final Credentials credentials;
    private final IamActions actions;
    private final Clock clock;

    public AuthFilter(Credentials credentials, IamActions actions, Clock clock) {
        this.credentials = credentials;
        this.actions = actions;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> operation = MatchedOperation.of(request);
        if (operation.isEmpty()) {
            return;
        }
        Optional<String> action = actions.forOperation(operation.get());
        if (action.isEmpty()) {
            return;
        }
        if (action.get().startsWith(CONTROL_ACTIONS) && credentials.isDevelopment()) {
            return; // the test-control API is open on a development server, as LocalStack's is
        }
        Principal principal = authenticate(request);
        request.setProperty(RequestId.PRINCIPAL_ATTRIBUTE, principal.name());
        request.setSecurityContext(new Authenticated(principal, request.getSecurityContext()));

        String projectId = request.getUriInfo().getPathParameters().getFirst("project_id");
        if (projectId != null && !principal.boundTo(projectId)) {
            throw new ApiException(ErrorCode.PROJECT_MISMATCH,
                    "The project id in the request URL does not match the token.");
        }
        if (!action.get().startsWith(IAM_ACTIONS) && !principal.allows(action.get())) {
            throw new ApiException(ErrorCode.NOT_AUTHORIZED,
                    "You are not authorized to perform the (" + action.get() + ") operation.");
        }
    }

    private Principal authenticate(ContainerRequestContext request) {
        String token = request.getHeaderString("X-Auth-Token");
        if (token != null) {
            if (!Credentials.wellFormedToken(token)) {
                throw new ApiException(ErrorCode.TOKEN_MALFORMED, "Failed to parse the token.");
            }
            return credentials.forToken(token)
                    .orElseThrow(() -> new ApiException(ErrorCode.TOKEN_INVALID, "Invalid token."));
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.startsWith(PREFIX)) {
            return verifySignature(request, authorization.substring(PREFIX.length()));
        }
        throw new ApiException(ErrorCode.NO_CREDENTIAL,
                "Token doesn't exist: send X-Auth-Token or sign the request with SDK-HMAC-SHA256.");
    }

    private Principal verifySignature(ContainerRequestContext request, String parameters) {
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
            throw signatureRefused("the Authorization header must carry Access, SignedHeaders and Signature");
        }
        List<String> signed = Arrays.asList(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
        if (!signed.contains("host") || !signed.contains("x-sdk-date")) {
            throw signatureRefused("host and x-sdk-date must be signed");
        }
        String date = request.getHeaderString("X-Sdk-Date");
        if (date == null) {
            throw signatureRefused("the X-Sdk-Date header is missing");
        }
        checkDate(date);
        Principal principal = credentials.forAccessKey(ak)
                .orElseThrow(() -> signatureRefused("the access key does not exist"));
        String secretKey = credentials.secretKey(ak).orElseThrow();

        Map<String, String> headers = new HashMap<>();
        for (String name : signed) {
            String value = request.getHeaders().getFirst(name);
            if (value == null) {
                throw signatureRefused("the signed header " + name + " is missing");
            }
            headers.put(name, value);
        }
        String payloadHash = request.getHeaderString("X-Sdk-Content-Sha256");
        if (payloadHash == null) {
            payloadHash = SdkHmacSha256.sha256Hex(readBody(request));
        }
        var canonical = new SdkHmacSha256.Request(request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(),
                request.getUriInfo().getRequestUri().getRawQuery(), headers, signed, payloadHash);
        if (!SdkHmacSha256.same(SdkHmacSha256.signature(canonical, date, secretKey), signature)) {
            throw signatureRefused("verify aksk signature fail");
        }
        return principal;
    }

    private void checkDate(String date) {
        Instant sent;
        try {
            sent = LocalDateTime.parse(date, SDK_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw signatureRefused("X-Sdk-Date must be yyyyMMddTHHmmssZ");
        }
        Duration skew = Duration.between(sent, clock.instant()).abs();
        if (skew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw signatureRefused("X-Sdk-Date is more than 15 minutes from the server's time");
        }
    }

    /** Reads the body for its hash and puts it back for the resource. */
    private static byte[] readBody(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return new byte[0];
        }
        try {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request's SecurityContext once authenticated: its user principal is the {@link Principal}. */
    private record Authenticated(Principal principal, SecurityContext original) implements SecurityContext {
        @Override
        public java.security.Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return original != null && original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return "SDK-HMAC-SHA256";
        }
    }

    private static ApiException signatureRefused(String why) {
        return new ApiException(ErrorCode.SIGNATURE_REFUSED, "Incorrect IAM authentication information: " + why + ".");
    }
}
