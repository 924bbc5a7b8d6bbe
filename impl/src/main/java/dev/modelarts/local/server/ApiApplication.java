package dev.modelarts.local.server;

import java.time.Clock;
import java.util.Optional;

import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.ValidationInterceptor;
import org.glassfish.jersey.server.validation.ValidationFeature;

import java.util.List;

import dev.modelarts.local.api.ImageGroupsApi;
import dev.modelarts.local.api.ImagesApi;
import dev.modelarts.local.auth.AuthFilter;
import dev.modelarts.local.auth.Credentials;
import dev.modelarts.local.auth.IamActions;
import dev.modelarts.local.core.ClockControl;
import dev.modelarts.local.core.ImageRegistry;
import dev.modelarts.local.core.RequestChecks;
import dev.modelarts.local.core.ServerClock;
import dev.modelarts.local.core.StateTransfer;
import dev.modelarts.local.core.TestControl;
import dev.modelarts.local.db.Database;
import dev.modelarts.local.edge.Shortcut;
import dev.modelarts.local.errors.ApiExceptionMapper;
import dev.modelarts.local.errors.ConstraintViolationMapper;
import dev.modelarts.local.errors.DatabaseExceptionMapper;
import dev.modelarts.local.errors.JsonExceptionMapper;
import dev.modelarts.local.errors.ParamExceptionMapper;
import dev.modelarts.local.errors.ResourceFailures;
import dev.modelarts.local.errors.UnhandledExceptionMapper;
import dev.modelarts.local.errors.WebApplicationExceptionMapper;
import dev.modelarts.local.errors.WireParameterNames;
import dev.modelarts.local.http.AccessLog;
import dev.modelarts.local.faults.FaultRules;
import dev.modelarts.local.hot.HotReads;
import dev.modelarts.local.hot.HotWrites;
import dev.modelarts.local.http.BodyBytes;
import dev.modelarts.local.http.CreatedStatus;
import dev.modelarts.local.http.BodySizeLimit;
import dev.modelarts.local.http.HeaderSyntax;
import dev.modelarts.local.http.JournalBodies;
import dev.modelarts.local.http.JsonBodyCheck;
import dev.modelarts.local.http.JsonMapperProvider;
import dev.modelarts.local.http.KeptJson;
import dev.modelarts.local.http.OptionsNotAllowed;
import dev.modelarts.local.http.QuickValidation;
import dev.modelarts.local.http.RecentRequests;
import dev.modelarts.local.http.RequestIds;
import dev.modelarts.local.http.ServedFileTypes;
import dev.modelarts.local.http.StrictBooleanParamConverter;
import dev.modelarts.local.http.StrictIntegerParamConverter;
import dev.modelarts.local.resources.ContractResource;
import dev.modelarts.local.resources.HealthResource;
import dev.modelarts.local.resources.ImageGroupsResource;
import dev.modelarts.local.resources.IamResource;
import dev.modelarts.local.resources.ImagesResource;
import dev.modelarts.local.requestid.RequestId;
import dev.modelarts.local.transitions.TransitionRules;
import dev.modelarts.local.resources.MetricsResource;
import dev.modelarts.local.resources.TestControlResource;

/**
 * The one place where the application is put together: data access, resources, filters and
 * error mappers, each given its collaborators through its constructor. Nothing is found by
 * classpath scanning.
 */
public final class ApiApplication {

    /** What the test-control API controls, when it is on. */
    record Controls(TestControl control, FaultRules faults, TransitionRules transitions, ServerClock clock,
            StateTransfer state) {
    }

    /**
     * The kept answers' views and JSON ({@link KeptJson}): as many views as the data layer keeps
     * answers, and 8 MiB of JSON (a ListImage page of ten is about 7 KB, a shown image 0.5 KB).
     */
    private static final long KEPT_VIEWS = 21_000;
    private static final long KEPT_JSON_BYTES = 8L << 20;

    private ApiApplication() {
    }

    /**
     * @param machine the machine's clock, which authentication checks signatures' dates against
     * @param controls the test-control API's collaborators; empty when it is off
     */
    static Built create(ImageRegistry registry, Database database, Credentials credentials,
            IamActions actions, Clock machine, Optional<Controls> controls, ServerMetrics metrics,
            RecentRequests journal, CreatedStatus created, RequestId requestIds, boolean hotReads) {
        boolean controlApi = controls.isPresent();

        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("modelarts-image-server");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);

        // JSON and validation
        JsonMapperProvider json = new JsonMapperProvider();
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(json);
        JournalBodies journalBodies = controlApi && journal.keepsBodies()
                ? new JournalBodies(JsonMapperProvider.createMapper()) : null;
        config.register(new JsonBodyCheck(json.factory(), journalBodies));
        config.register(ValidationFeature.class);
        config.register(new QuickValidation(), ValidationInterceptor.class);
        config.register(new WireParameterNames());
        config.register(StrictBooleanParamConverter.class);
        config.register(StrictIntegerParamConverter.class);

        // cross-cutting HTTP concerns
        config.register(new RequestIds(requestIds));
        config.register(HeaderSyntax.class);
        config.register(BodySizeLimit.class);
        config.register(OptionsNotAllowed.class);
        config.register(new AuthFilter(credentials, actions, machine));
        config.register(new AccessLog(controlApi ? journal : null, machine));
        config.register(BodyBytes.class);
        KeptJson kept = new KeptJson(KEPT_VIEWS, KEPT_JSON_BYTES);
        config.register(kept);
        config.register(created);

        // errors, all in the ModelArts shape
        config.register(ApiExceptionMapper.class);
        config.register(ParamExceptionMapper.class);
        config.register(ConstraintViolationMapper.class);
        config.register(JsonExceptionMapper.class);
        config.register(DatabaseExceptionMapper.class);
        config.register(WebApplicationExceptionMapper.class);
        config.register(UnhandledExceptionMapper.class);

        // resources
        ImageGroupsResource groups = new ImageGroupsResource(registry, kept);
        ImagesResource images = new ImagesResource(registry, kept);
        config.register(groups);
        config.register(images);
        config.register(new IamResource(credentials));
        config.register(new HealthResource(database::isReachable, database::isWritable, BuildInfo.version(database)));
        config.register(new ContractResource(controlApi));
        config.register(new MetricsResource(metrics::scrape));
        config.register(metrics.requestListener());
        config.register(ServedFileTypes.class);
        controls.ifPresent(c -> {
            config.register(new TestControlResource(c.control(), journal, new RequestChecks(c.faults().operations()),
                    c.faults(), c.transitions(), new ClockControl(c.clock()), c.state()));
        });

        // the same reads, answered at the edge when plainly a 200 (HotReads), and the registrations
        // when plainly well formed (HotWrites)
        if (!hotReads) {
            return new Built(config, Shortcut.NONE);
        }
        Shortcut reads = new HotReads(List.of(
                HotReads.Resource.of(groups, ImageGroupsApi.class, "listImageGroup"),
                HotReads.Resource.of(images, ImagesApi.class, "listImage"),
                HotReads.Resource.of(images, ImagesApi.class, "showImage")),
                credentials, actions, kept, json.getContext(Object.class).writer(), controlApi ? journal : null,
                metrics::servedAtEdge, machine, database.noWait());
        Shortcut writes = new HotWrites(List.of(HotReads.Resource.of(images, ImagesApi.class, "registerImage")),
                credentials, actions, created, json.getContext(Object.class), kept, ResourceFailures::answer,
                journalBodies, controlApi ? journal : null, metrics::servedAtEdge, machine, BodySizeLimit.MAX_BYTES);
        return new Built(config, Shortcut.inTurn(reads, writes));
    }

    /** Jersey's application, and what answers the hot reads before it. */
    record Built(ResourceConfig config, Shortcut shortcut) {
    }
}
