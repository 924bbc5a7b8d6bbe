package dev.modelarts.local.contract;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;

/**
 * The same verification, of the pacts a Pact Broker serves. Runs only when configured, by
 * system properties alone (see docs/testing.md, "Pact Broker"): {@code pactbroker.url},
 * {@code pactbroker.auth.token}, {@code pactbroker.consumerversionselectors.rawjson},
 * {@code pactbroker.enablePending} with {@code pactbroker.providerBranch},
 * {@code pactbroker.includeWipPactsSince}; results are published with
 * {@code pact.verifier.publishResults=true}, {@code pact.provider.version} and
 * {@code pact.provider.branch}.
 */
@Provider("modelarts-image-server")
@PactBroker
@EnabledIfSystemProperty(named = "pactbroker.url", matches = ".+")
class ImageServerBrokerProviderPactIT extends ProviderVerification {
}
