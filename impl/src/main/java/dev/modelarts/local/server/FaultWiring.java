package dev.modelarts.local.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.fasterxml.jackson.databind.JsonNode;

import dev.modelarts.local.db.DataLayer;
import dev.modelarts.local.db.Database;
import dev.modelarts.local.faults.ApiOperations;
import dev.modelarts.local.faults.FaultActions;
import dev.modelarts.local.faults.FaultRules;
import dev.modelarts.local.http.JsonMapperProvider;
import dev.modelarts.local.http.RecentRequests;
import dev.modelarts.local.model.Ids;

/**
 * The fault rules and what applies them: the rules over the database, the timer that wakes
 * delayed requests and ends stalled ones, and the actions the edge lets take a request.
 */
final class FaultWiring implements AutoCloseable {

    private final FaultRules rules;
    private final ScheduledExecutorService timer;
    private final FaultActions actions;

    FaultWiring(JsonNode spec, DataLayer data, Database database, RecentRequests journal, ServerMetrics metrics,
            Clock clock, Clock machine, Ids ids) {
        this.rules = new FaultRules(data.faultRules(), ApiOperations.fromSpec(spec), JsonMapperProvider.createMapper(),
                clock, ids, !database.isExclusive());
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "modelarts-fault-timer");
            thread.setDaemon(true);
            return thread;
        });
        // the journal's times are the machine's, as every other journal entry's
        this.actions = new FaultActions(rules, timer, journal, metrics::faultFired, machine);
    }

    FaultRules rules() {
        return rules;
    }

    /** What the edge asks before the application sees a request. */
    FaultActions actions() {
        return actions;
    }

    /** Once the schema is there: the stored rules, then those of {@code --faults FILE}. */
    void load(Path file) {
        rules.load();
        if (file != null) {
            ControlFiles.faults(file, rules.operations()).forEach(rules::add);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
