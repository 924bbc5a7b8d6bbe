package dev.modelarts.local.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.config.ServerSettings;
import dev.modelarts.local.core.ServerClock;
import dev.modelarts.local.core.StateTransfer;
import dev.modelarts.local.db.ClockDao;
import dev.modelarts.local.db.DataLayer;
import dev.modelarts.local.db.Database;
import dev.modelarts.local.http.JsonMapperProvider;
import dev.modelarts.local.model.ClockSetting;
import dev.modelarts.local.model.Ids;
import dev.modelarts.local.requestid.RequestId;
import dev.modelarts.local.transitions.TransitionRules;

/**
 * Time and state as tests control them: the server's clock ({@code --clock},
 * {@code --clock-fixed}), where ids come from ({@code --deterministic}), the status-transition
 * rules ({@code --transitions}) and a state loaded at start ({@code --state}).
 */
final class TimeAndState implements AutoCloseable {

    /** How often the shared clock and rules are read again. */
    private static final long REFRESH_MS = 500;
    /** Mixed into the seed for request ids, so that they are not the image ids' stream. */
    private static final long REQUEST_ID_STREAM = 0x5DEECE66DL;

    private final ServerClock clock;
    private final Ids ids;
    private final RequestId requestIds;
    private final boolean shared;
    private final ScheduledExecutorService refresher;

    /** The clock and the id sources, before the data layer (which makes ids). */
    TimeAndState(ServerSettings config, Database database, Clock machine) {
        this.shared = !database.isExclusive();
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "modelarts-control-refresh");
            thread.setDaemon(true);
            return thread;
        });
        ClockSetting start = config.control().clockStart().isPresent() || config.control().clockFixed()
                ? ClockSetting.startingAt(config.control().clockStart().orElse(machine.millis()), config.control().clockFixed(),
                        machine.millis())
                : null;
        this.clock = new ServerClock(machine, new ClockDao(database), start);
        if (config.control().deterministicSeed().isPresent()) {
            long seed = config.control().deterministicSeed().getAsLong();
            this.ids = Ids.seeded(seed, clock);
            this.requestIds = new RequestId(Ids.seeded(seed ^ REQUEST_ID_STREAM, clock)::hex);
        } else {
            this.ids = Ids.random();
            this.requestIds = RequestId.random();
        }
    }

    ServerClock clock() {
        return clock;
    }

    Ids ids() {
        return ids;
    }

    RequestId requestIds() {
        return requestIds;
    }

    TransitionRules transitions(DataLayer data, Database database) {
        ObjectMapper json = JsonMapperProvider.createMapper();
        return new TransitionRules(data.transitionRules(), data.transitions(), json, clock, ids);
    }

    /**
     * Over a database other instances share, reads the clock and the transition rules again every
     * half second, on a thread of its own: a request never waits for it, even while the database
     * is away.
     */
    void refreshWhileShared(TransitionRules transitions) {
        if (shared) {
            refresher.scheduleWithFixedDelay(() -> {
                clock.refresh();
                transitions.refresh();
            }, REFRESH_MS, REFRESH_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }

    /**
     * Once the schema, the clock and the catalog are there: the state of {@code --state FILE},
     * the stored rules, then those of {@code --transitions FILE} (which apply to what comes after,
     * a seed file's images included).
     */
    static void load(TransitionRules transitions, StateTransfer state, Path rulesFile, Path stateFile) {
        if (stateFile != null) {
            ControlFiles.loadState(stateFile, state);
        }
        transitions.load();
        if (rulesFile != null) {
            ControlFiles.transitions(rulesFile).forEach(transitions::add);
        }
    }
}
