package dev.modelarts.local.contract;

import java.util.Map;

import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.State;
import dev.modelarts.local.testing.TestServer;

/**
 * The provider side of every pact, whatever its source: the real server on a free port over a
 * fresh database, the provider states set up through the data layer, and a credential added to
 * each request that has none (nothing else is changed). Every response is also checked against
 * the spec, inside the server. Subclasses name the pact source.
 */
abstract class ProviderVerification {

    @RegisterExtension
    static final TestServer server = TestServer.create();

    private final ProviderStates states = new ProviderStates(server);

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
        // the server installs it at start
    }

    @State("an image group exists")
    Map<String, Object> imageGroupExists(Map<String, Object> params) {
        return states.imageGroupExists(params);
    }

    @State("an image is registered")
    Map<String, Object> imageIsRegistered(Map<String, Object> params) {
        return states.imageIsRegistered(params);
    }

    @State("no image group exists")
    Map<String, Object> noImageGroup(Map<String, Object> params) {
        return states.noImageGroup(params);
    }

    @State("a credential that may only read")
    Map<String, Object> readOnlyCredential() {
        return states.readOnlyCredential();
    }
}
