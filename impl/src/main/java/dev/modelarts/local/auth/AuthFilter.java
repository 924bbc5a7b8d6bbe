package dev.modelarts.local.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;

import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.http.JsonBodyCheck;
import dev.modelarts.local.http.MatchedOperation;
import dev.modelarts.local.requestid.RequestId;

/**
 * Authenticates every API operation the way Huawei Cloud does, then checks that the credential
 * is bound to the path's project and allows the operation's IAM action.
 *
 * <ul>
 * <li>{@code X-Auth-Token}: a token from the credentials;</li>
 * <li>{@code Authorization: SDK-HMAC-SHA256 Access=.., SignedHeaders=.., Signature=..} with
 * {@code X-Sdk-Date}: verified by {@link SignatureCheck}.</li>
 * </ul>
 * No secret (token, SK, signature) ever goes into a message or a log line.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthFilter implements ContainerRequestFilter {

    private static final String PREFIX = SignatureCheck.PREFIX;
    /** The actions of the test-control API (/_modelarts/...), which this server adds. */
    private static final String CONTROL_ACTIONS = "modelarts:control:";
    /**
     * IAM's own actions (project discovery): any valid credential may use them for its own
     * projects, as every IAM user can list the projects it works in.
     */
    private static final String IAM_ACTIONS = "iam:";

    private final Credentials credentials;
    private final IamActions actions;
    private final SignatureCheck signatures;

    /** @param clock the machine's clock, which signatures' dates are checked against */
    public AuthFilter(Credentials credentials, IamActions actions, Clock clock) {
        this.credentials = credentials;
        this.actions = actions;
        this.signatures = new SignatureCheck(credentials, clock);
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
        return signatures.verify(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(),
                request.getUriInfo().getRequestUri().getRawQuery(), parameters, request.getHeaderString("X-Sdk-Date"),
                name -> request.getHeaders().getFirst(name), () -> {
                    String hash = request.getHeaderString("X-Sdk-Content-Sha256");
                    return hash != null ? hash : SdkHmacSha256.sha256Hex(readBody(request));
                });
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
            throw JsonBodyCheck.unreadable(); // the client stopped sending: its fault, not a 500
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
}
