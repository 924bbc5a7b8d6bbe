package dev.modelarts.local.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import dev.modelarts.local.api.model.SeedDocument;
import dev.modelarts.local.auth.Credentials;
import dev.modelarts.local.auth.IamActions;
import dev.modelarts.local.catalog.BuiltInCatalog;
import dev.modelarts.local.config.DatabaseSettings;
import dev.modelarts.local.config.JvmInfo;
import dev.modelarts.local.config.ServerSettings;
import dev.modelarts.local.core.ImageRegistry;
import dev.modelarts.local.core.ServerClock;
import dev.modelarts.local.core.StateTransfer;
import dev.modelarts.local.core.TestControl;
import dev.modelarts.local.db.DataLayer;
import dev.modelarts.local.db.Database;
import dev.modelarts.local.edge.Cors;
import dev.modelarts.local.edge.Edge;
import dev.modelarts.local.http.CreatedStatus;
import dev.modelarts.local.http.RecentRequests;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.transitions.TransitionRules;

/**
 * A started server: database open and migrated, built-in catalog installed, HTTP listening.
 * The command line and the tests start it the same way.
 */
public final class RunningServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);
    private static final long GRACE_SECONDS = 10;
    /**
     * Request threads. A write holds its thread until its group commit is done (GroupCommit), so
     * the writes that can share one commit are at most this many; Grizzly's default (twice the
     * cores) would let four at a time share it on this project's two-core machines.
     */
    private static final int WORKER_THREADS = 64;

    private final HttpServer http;
    private final Database database;
    private final DataLayer data;
    private final ServerMetrics metrics;
    private final FaultWiring faults;
    private final TimeAndState time;
    private final ServerControls controls;
    private final URI baseUri;
    /** {@link #requestsServed()} once the HTTP side has stopped; -1 before. */
    private volatile long servedAtStop = -1;

    private RunningServer(HttpServer http, Database database, DataLayer data, ServerMetrics metrics, FaultWiring faults,
            TimeAndState time, ServerControls controls, URI baseUri) {
        this.http = http;
        this.database = database;
        this.data = data;
        this.metrics = metrics;
        this.faults = faults;
        this.time = time;
        this.controls = controls;
        this.baseUri = baseUri;
    }

    public static RunningServer start(ServerSettings config) {
        return start(config, List.of());
    }

    /**
     * Starts with extra JAX-RS providers registered beside the application's own: the extension
     * point for embedding the server (the tests add a check of every response against the spec).
     * They see every request Jersey answers, not the hot reads answered at the edge
     * ({@code hot.HotReads}), which send a kept answer's JSON as Jersey wrote it, or the same
     * mapper's.
     */
    public static RunningServer start(ServerSettings config, List<Object> extraProviders) {
        return start(config, extraProviders, StartAhead.begin());
    }

    /** Starts with the steps that need no setting begun already ({@code ahead}). */
    static RunningServer start(ServerSettings config, List<Object> extraProviders, StartAhead ahead) {
        // Grizzly and Jersey log through java.util.logging: into the one log, wherever the server runs
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        DatabaseSettings settings = config.database();
        StartChecks checked;
        ServerMetrics metrics;
        try {
            checked = StartChecks.of(config, ahead);
            metrics = ahead.metrics();
        } catch (RuntimeException e) {
            ahead.abandon();
            throw e;
        }
        JsonNode spec = checked.spec();
        IamActions actions = checked.actions();
        Credentials credentials = checked.credentials();
        Optional<SeedDocument> seedFile = checked.seed();
        Database database;
        try {
            database = Database.connect(settings, metrics.registry());
        } catch (RuntimeException e) {
            metrics.close();
            throw StartupFailure.explained(e, settings);
        }
        Clock machine = Clock.systemUTC();
        TimeAndState time = new TimeAndState(config, database, machine);
        ServerClock clock = time.clock();
        DataLayer data = DataLayer.over(database, time.ids());
        TransitionRules transitions = time.transitions(data, database);
        StateTransfer state = new StateTransfer(data.state());
        ImageRegistry registry = new ImageRegistry(data.images(), data.groups(), data.listing(), transitions, clock,
                time.ids());
        RecentRequests journal = new RecentRequests(RecentRequests.DEFAULT_CAPACITY, config.control().journalAll(),
                config.control().journalBodies());
        FaultWiring faults = new FaultWiring(spec, data, database, journal, metrics, clock, machine, time.ids());
        // one test control: the seed file's, the JUnit extension's and the test-control API's
        TestControl control = new TestControl(registry, data.images(), data.groups(), data.listing(),
                credentials.readOnlyToken().map(token -> new TestControl.ReaderToken(token.getKey(), token.getValue())),
                faults.rules(), transitions, clock);
        // the schema and the built-in catalog are made ready while Jersey is built on another
        // thread (LateApplication); the catalog's file is read meanwhile on a third
        CompletableFuture<BuiltInCatalog> catalogFile = CompletableFuture.supplyAsync(BuiltInCatalog::load,
                runnable -> new Thread(runnable, "modelarts-catalog").start());
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            database.migrate();
            clock.load();
            BuiltInCatalog catalog = catalogFile.join();
            int added = catalog.installInto(data.images());
            LOG.info("Built-in catalog: {} groups, {} images ({} new)",
                    catalog.groupCount(), catalog.entries().size(), added);
            // the state file replaces every project's images; a seed file then adds to them
            TimeAndState.load(transitions, state, config.control().transitions().orElse(null),
                    config.control().state().orElse(null));
            seedFile.ifPresent(document -> seed(config.control().seed().orElseThrow(), document, control));
            faults.load(config.control().faults().orElse(null));
            new HeapCheck(data.images().count(), Runtime.getRuntime().maxMemory()).warning().ifPresent(LOG::warn);
        }, runnable -> new Thread(runnable, "modelarts-startup").start());
        LateApplication jersey = null;
        try {
            URI requested = URI.create("http://" + hostForUri(config.host()) + ":" + config.port() + "/");
            ApiApplication.Built application = ApiApplication.create(registry, database, credentials, actions,
                    machine, config.control().controlApi()
                            ? Optional.of(new ApiApplication.Controls(control, faults.rules(), transitions, clock, state))
                            : Optional.empty(),
                    metrics, journal, CreatedStatus.fromSpec(spec), time.requestIds(), config.hotReads());
            extraProviders.forEach(application.config()::register);
            jersey = LateApplication.building(application.config());
            // the factory's listener and settings, with the handler that waits for Jersey
            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(requested, (GrizzlyHttpContainer) null, false, null,
                    false);
            http.getServerConfiguration().addHttpHandler(jersey, HttpHandlerRegistration.ROOT);
            Edge.install(http, new Cors(config.corsOrigins()), faults.actions(), application.shortcut(),
                    time.requestIds());
            if (!config.corsOrigins().isEmpty()) {
                LOG.info("CORS: browser pages from {} may call this server",
                        config.corsOrigins().contains("*") ? "any origin (*)" : String.join(", ", config.corsOrigins()));
            }
            http.getListeners().forEach(listener -> {
                listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                        .setPoolName("modelarts-http")
                        .setCorePoolSize(WORKER_THREADS)
                        .setMaxPoolSize(WORKER_THREADS));
            });
            // DeleteImage and DeleteImageGroup take an optional JSON body ({"is_force": ..}), as
            // the SDKs send it; Grizzly refuses bodies on DELETE unless told otherwise.
            http.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
            StartSteps.await(ready);
            // serving from here: the hot reads at once, the rest once Jersey is built
            http.start();
            awaitJersey(jersey, http);
            int port = http.getListeners().iterator().next().getPort();
            URI baseUri = URI.create("http://" + hostForUri(config.host()) + ":" + port + "/");
            LOG.info("ModelArts image server listening on {} ({})", baseUri, JvmInfo.current());
            time.refreshWhileShared(transitions);
            return new RunningServer(http, database, data, metrics, faults, time,
                    new ServerControls(control, faults.rules(), transitions, clock, journal), baseUri);
        } catch (IOException e) {
            StartSteps.awaitQuietly(jersey.started());
            faults.close();
            time.close();
            data.close();
            database.close();
            metrics.close();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            StartSteps.awaitQuietly(ready);
            if (jersey != null) {
                StartSteps.awaitQuietly(jersey.started());
            }
            faults.close();
            time.close();
            data.close();
            database.close();
            metrics.close();
            throw StartupFailure.explained(e, settings);
        }
    }

    /** Registers the seed file's images (idempotent), all or none. */
    private static void seed(Path file, SeedDocument document, TestControl control) {
        try {
            TestControl.SeedCount count = control.seed(document.getImages());
            LOG.info("Seed {}: {} images registered, {} there already", file, count.registered(), count.existing());
        } catch (ApiException e) {
            throw new SeedFile.InvalidSeedFile("Invalid seed file " + file + ": " + e.getMessage());
        }
    }

    /** Waits for Jersey, serving already; when it fails, the port closes and the start fails. */
    private static void awaitJersey(LateApplication jersey, HttpServer http) {
        try {
            StartSteps.await(jersey.started());
        } catch (RuntimeException e) {
            http.shutdownNow();
            throw e;
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * How many requests have been answered, by Jersey or as hot reads (the edge's refusals are
     * not counted). Once closed, the count as the requests under way had all ended: a request is
     * counted only after its answer was written, so a count taken at a stop signal could miss the
     * answer the client had just read.
     */
    public long requestsServed() {
        long atStop = servedAtStop;
        return atStop >= 0 ? atStop : metrics.requestsServed();
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    /** What the JUnit extension controls: the rules, the clock, the journal, a reset. */
    public ServerControls controls() {
        return controls;
    }

    /** The data layer the server runs on, for tests and tools that seed it. */
    public DataLayer data() {
        return data;
    }

    /** Stops accepting, lets running requests finish (up to ten seconds), then closes the database. */
    @Override
    public void close() {
        try {
            http.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get(GRACE_SECONDS + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("HTTP server did not stop in time; stopping it now", e);
            http.shutdownNow();
        } finally {
            servedAtStop = metrics.requestsServed();
            faults.close();
            time.close();
            data.close();
            database.close();
            metrics.close();
        }
        LOG.info("Stopped");
    }
}
