package dev.modelarts.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartAheadTest {

    @Test
    void givesTheSpecAndOneRegistry() {
        StartAhead ahead = StartAhead.begin();
        assertThat(ahead.spec().get("paths").has("/v1/{project_id}/images/group")).isTrue();
        ServerMetrics metrics = ahead.metrics();
        assertThat(ahead.metrics()).isSameAs(metrics);
        assertThat(metrics.registry().isClosed()).isFalse();
        metrics.close();
    }

    @Test
    void aStartThatFailsBeforeTakingTheMetricsClosesThem() {
        StartAhead ahead = StartAhead.begin();
        ahead.abandon();
        assertThat(ahead.metrics().registry().isClosed()).isTrue();
    }
}
