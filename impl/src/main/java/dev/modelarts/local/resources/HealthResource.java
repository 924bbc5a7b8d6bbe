package dev.modelarts.local.resources;

import java.util.function.BooleanSupplier;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.modelarts.local.api.HealthApi;
import dev.modelarts.local.api.model.HealthState;
import dev.modelarts.local.api.model.HealthStatus;

/** GET /health: UP once the database answers, 503 DOWN otherwise. */
public final class HealthResource implements HealthApi {

    private final BooleanSupplier databaseReachable;

    public HealthResource(BooleanSupplier databaseReachable) {
        this.databaseReachable = databaseReachable;
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
