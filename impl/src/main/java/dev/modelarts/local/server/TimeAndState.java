package dev.modelarts.local.server;

import java.nio.file.Path;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.modelarts.local.config.ServerConfig;
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
final class TimeAndState {

    /** Mixed into the seed for request ids, so that they are not the image ids' stream. */
    private static final long REQUEST_ID_STREAM = 0x5DEECE66DL;

    private final ServerClock clock;
    private final Ids ids;
    private final RequestId requestIds;
    private final Clock machine;

    /** The clock and the id sources, before the data layer (which makes ids). */
    TimeAndState(ServerConfig config, Database database, Clock machine) {
        this.machine = machine;
        ClockSetting start = config.clockStart().isPresent() || config.clockFixed()
                ? ClockSetting.startingAt(config.clockStart().orElse(machine.millis()), config.clockFixed(),
                        machine.millis())
                : null;
        this.clock = new ServerClock(machine, new ClockDao(database), start, !database.isExclusive());
        if (config.deterministicSeed().isPresent()) {
            long seed = config.deterministicSeed().getAsLong();
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
        return new TransitionRules(data.transitionRules(), data.transitions(), json, clock, machine, ids,
                !database.isExclusive());
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
