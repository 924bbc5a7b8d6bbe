package dev.modelarts.local.contract;

import java.util.Map;

import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.testing.ApiClient;
import dev.modelarts.local.testing.ApiClient.Reply;
import dev.modelarts.local.testing.TestServer;

/**
 * The provider side of every pact, whatever its source: the real server on a free port over a
 * fresh database, the provider states set up through the server's own state-change endpoint (as
 * pact-js and pact_verifier_cli set them up), and a credential added to each request that has
 * none (nothing else is changed). Every response is also checked against
 * the spec, inside the server. Subclasses name the pact source.
 */
abstract class ProviderVerification {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestServer server = TestServer.create();

    /**
     * Sets a provider state up the way any verifier can: Pact's state-change request to the
     * server's own POST /_modelarts/provider-states. Returns the values it made.
     */
    static Map<String, Object> state(TestServer server, String name, Map<String, Object> params) {
        try {
            String body = JSON.writeValueAsString(Map.of("state", name, "params", params, "action", "setup"));
            Reply reply = ApiClient.withToken(server.baseUri(), TestServer.ADMIN_TOKEN)
                    .json("POST", "/_modelarts/provider-states", body);
            if (reply.status() != 200) {
                throw new IllegalStateException("provider state '" + name + "' failed: " + reply.body());
            }
            return JSON.convertValue(reply.json(), new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void target(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("127.0.0.1", server.port()));
    }

    /** Adds a credential to each request that has none, and changes nothing else. */
    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void verify(PactVerificationContext context, HttpRequest request) {
        if (!request.containsHeader("X-Auth-Token") && !request.containsHeader("Authorization")) {
            request.addHeader("X-Auth-Token", TestServer.TOKEN);
        }
        context.verifyInteraction();
    }

    @State("the built-in catalog is loaded")
    void builtInCatalog() {
        state(server, "the built-in catalog is loaded", Map.of());
    }

    @State("an image group exists")
    Map<String, Object> imageGroupExists(Map<String, Object> params) {
        return state(server, "an image group exists", params);
    }

    @State("an image is registered")
    Map<String, Object> imageIsRegistered(Map<String, Object> params) {
        return state(server, "an image is registered", params);
    }

    @State("no image group exists")
    Map<String, Object> noImageGroup(Map<String, Object> params) {
        return state(server, "no image group exists", params);
    }

    @State("a credential that may only read")
    Map<String, Object> readOnlyCredential() {
        return state(server, "a credential that may only read", Map.of());
    }
}
