package dev.modelarts.local.resources;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.modelarts.local.api.HealthApi;
import dev.modelarts.local.api.model.HealthState;
import dev.modelarts.local.api.model.HealthStatus;
import dev.modelarts.local.db.Database;

/** GET /health: UP once the database answers, 503 DOWN otherwise. */
public final class HealthResource implements HealthApi {

    private final Database database;

    public HealthResource(Database database) {
        this.database = database;
    }

    @Override
    public HealthStatus getHealth() {
        if (database.isReachable()) {
            return new HealthStatus(HealthState.UP, HealthState.UP);
        }
        HealthStatus down = new HealthStatus(HealthState.DOWN, HealthState.DOWN);
        throw new WebApplicationException(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(down).build());
    }
}
