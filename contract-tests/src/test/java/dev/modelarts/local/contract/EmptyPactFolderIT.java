package dev.modelarts.local.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/**
 * A verification that finds no pact fails, as Pact intends: a green run that verified nothing
 * would be a false green.
 */
class EmptyPactFolderIT {

    /** The provider verification, pointed at a folder with no pacts; run only from the test below. */
    @Provider("modelarts-image-server")
    @PactFolder("target/no-pacts-here")
    static class EmptyFolderVerification extends ProviderVerification {
    }

    @Test
    void aVerificationThatFindsNoPactFails() throws IOException {
        Files.createDirectories(Path.of("target/no-pacts-here"));
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(EmptyFolderVerification.class)).build(), listener);
        TestExecutionSummary summary = listener.getSummary();

        assertThat(summary.getTotalFailureCount()).isPositive();
        assertThat(summary.getFailures()).anySatisfy(failure ->
                assertThat(failure.getException()).hasMessageContaining("No Pact files were found"));
    }
}
