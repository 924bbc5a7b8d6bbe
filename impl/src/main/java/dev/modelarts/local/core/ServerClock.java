package dev.modelarts.local.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.BiFunction;

import dev.modelarts.local.db.ClockDao;
import dev.modelarts.local.model.ClockSetting;

/**
 * The server's clock: the time of every {@code create_at}, {@code update_at}, timed status step
 * and throttling window. The machine's clock unless a test sets it ({@code --clock},
 * {@code POST /_modelarts/clock}); the setting lives in the database, so that every instance
 * over one PostgreSQL follows it (each reads it again at most every half second; this one at
 * once after its own change). Authentication keeps the machine's clock.
 */
public final class ServerClock extends Clock {

    private static final long RELOAD_MS = 500;

    private final Clock machine;
    private final ClockDao dao;
    private final boolean shared;
    private final ClockSetting start;
    private volatile ClockSetting setting = ClockSetting.REAL;
    private volatile boolean loaded;
    private volatile long loadedAt;

    /**
     * @param start how {@code --clock} and {@code --clock-fixed} set it; null to keep what the
     *        database holds (the machine's clock on a fresh one)
     * @param shared whether other instances may change it (PostgreSQL): read it again now and then
     */
    public ServerClock(Clock machine, ClockDao dao, ClockSetting start, boolean shared) {
        this.machine = machine;
        this.dao = dao;
        this.start = start;
        this.shared = shared;
    }

    /** Once the schema is there: the start setting stored, or the stored one read. */
    public void load() {
        if (start != null) {
            dao.write(start);
        }
        reload();
    }

    /** The setting now in force. */
    public ClockSetting setting() {
        refresh();
        return setting;
    }

    /** Applies {@code change} to the setting in force and stores the result. */
    public synchronized ClockSetting apply(BiFunction<ClockSetting, Long, ClockSetting> change) {
        reload();
        ClockSetting next = change.apply(setting, machine.millis());
        dao.write(next);
        setting = next;
        return next;
    }

    /** Back to how the server was started ({@code POST /_modelarts/reset}). */
    public void reset() {
        apply((current, now) -> start == null ? ClockSetting.REAL : start);
    }

    @Override
    public long millis() {
        refresh();
        return setting.millis(machine.millis());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("the server's clock is UTC");
    }

    private void refresh() {
        if (shared && loaded && machine.millis() - loadedAt > RELOAD_MS) {
            try {
                reload();
            } catch (RuntimeException databaseAway) {
                loadedAt = machine.millis(); // the setting held stays; the request says what is wrong
            }
        }
    }

    private void reload() {
        setting = dao.read();
        loadedAt = machine.millis();
        loaded = true;
    }
}
