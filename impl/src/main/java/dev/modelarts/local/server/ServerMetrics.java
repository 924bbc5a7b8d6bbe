package dev.modelarts.local.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.glassfish.jersey.micrometer.server.JerseyTags;
import org.glassfish.jersey.micrometer.server.JerseyTagsProvider;
import org.glassfish.jersey.micrometer.server.MetricsApplicationEventListener;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.RequestEvent;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The instance's meters, one registry per server (never Micrometer's global one, so that two
 * servers in one JVM, as in the tests, count apart): the JVM's, the database pool's (given to
 * HikariCP) and one timer per operation from Jersey's listener.
 */
final class ServerMetrics implements AutoCloseable {

    /** Jersey's name, which Prometheus shows as {@code http_server_requests_seconds}. */
    static final String REQUESTS = "http.server.requests";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<EdgeTimer, Timer> edgeTimers = new ConcurrentHashMap<>();

    ServerMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Counts a fault rule's firing: modelarts_faults_injected_total{action,operation} on /metrics. */
    void faultFired(String action, String operation) {
        registry.counter("modelarts.faults.injected", "action", action, "operation", operation).increment();
    }

    long requestsServed() {
        return registry.find(REQUESTS).timers().stream().mapToLong(Timer::count).sum();
    }

    /**
     * Times a request answered at the edge (the hot reads, the registrations), on the timer
     * Jersey's listener would use for it (the same name and tags: one series per operation and
     * status, whichever path served).
     */
    void servedAtEdge(String method, String template, int status, long nanos) {
        EdgeTimer key = new EdgeTimer(method, template, status); // no text built per request, as a joined key would
        Timer timer = edgeTimers.get(key);
        if (timer == null) {
            timer = edgeTimers.computeIfAbsent(key, k -> Timer.builder(REQUESTS)
                    .tags("method", method, "uri", template, "status", Integer.toString(status),
                            "outcome", Outcome.forStatus(status).name())
                    .register(registry));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One request timer's tags at the edge. */
    private record EdgeTimer(String method, String template, int status) {
    }

    /** Times every request Jersey routes, tagged with its path template rather than its path. */
    Object requestListener() {
        return new MetricsApplicationEventListener(registry, new OperationTags(), REQUESTS, true);
    }

    /**
     * Jersey's default tags less {@code exception}: a Java class name is of no use to an operator
     * who has the status and the log, and /metrics, open to anyone, would show it.
     */
    private static final class OperationTags implements JerseyTagsProvider {

        @Override
        public Iterable<Tag> httpRequestTags(RequestEvent event) {
            ContainerResponse response = event.getContainerResponse();
            return Tags.of(JerseyTags.method(event.getContainerRequest()), JerseyTags.uri(event),
                    JerseyTags.status(response), JerseyTags.outcome(response));
        }

        @Override
        public Iterable<Tag> httpLongRequestTags(RequestEvent event) {
            return Tags.of(JerseyTags.method(event.getContainerRequest()), JerseyTags.uri(event));
        }
    }

    /** The Prometheus text exposition of every meter. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
