package dev.modelarts.local.resources;

import java.util.function.BooleanSupplier;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.modelarts.local.api.HealthApi;
import dev.modelarts.local.api.model.HealthState;
import dev.modelarts.local.api.model.HealthStatus;
import dev.modelarts.local.api.model.Liveness;
import dev.modelarts.local.api.model.Readiness;
import dev.modelarts.local.api.model.ServerVersion;

/**
 * GET /health (UP once the database answers, 503 DOWN otherwise), /health/live (the process
 * serves), /health/ready (the database answers and takes writes) and /version.
 */
public final class HealthResource implements HealthApi {

    private final BooleanSupplier databaseReachable;
    private final BooleanSupplier databaseWritable;
    private final ServerVersion version;

    public HealthResource(BooleanSupplier databaseReachable, BooleanSupplier databaseWritable, ServerVersion version) {
        this.databaseReachable = databaseReachable;
        this.databaseWritable = databaseWritable;
        this.version = version;
    }

    @Override
    public Liveness getLiveness() {
        return new Liveness(HealthState.UP);
    }

    @Override
    public Readiness getReadiness() {
        Readiness.DatabaseEnum database = !databaseReachable.getAsBoolean() ? Readiness.DatabaseEnum.DOWN
                : !databaseWritable.getAsBoolean() ? Readiness.DatabaseEnum.READ_ONLY
                : Readiness.DatabaseEnum.UP;
        if (database == Readiness.DatabaseEnum.UP) {
            return new Readiness(HealthState.UP, database);
        }
        throw new WebApplicationException(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new Readiness(HealthState.DOWN, database)).build());
    }

    @Override
    public ServerVersion getVersion() {
        return version;
    }

    @Override
    public HealthStatus getHealth() {
        if (databaseReachable.getAsBoolean()) {
            return new HealthStatus(HealthState.UP, HealthState.UP);
        }
        HealthStatus down = new HealthStatus(HealthState.DOWN, HealthState.DOWN);
        throw new WebApplicationException(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(down).build());
    }
}
