package dev.modelarts.local.contract;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/**
 * Verifies every pact in {@code target/pacts}: those the consumer tests just wrote, and those
 * consumer teams dropped into {@code contract-tests/pacts/} (copied there before this runs). A
 * folder with no pacts fails, as Pact intends.
 */
@Provider("modelarts-image-server")
@PactFolder("target/pacts")
class ImageServerProviderPactIT extends ProviderVerification {
}
