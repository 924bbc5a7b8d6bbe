package dev.modelarts.local.resources;

import java.util.function.Supplier;

import dev.modelarts.local.api.MetricsApi;

/** GET /metrics: the Prometheus exposition, from whatever registry the server keeps. */
public final class MetricsResource implements MetricsApi {

    private final Supplier<String> exposition;

    public MetricsResource(Supplier<String> exposition) {
        this.exposition = exposition;
    }

    @Override
    public String getMetrics() {
        return exposition.get();
    }
}
