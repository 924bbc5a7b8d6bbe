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
 * over one PostgreSQL follows it (each reads it again every half second, off the request path:
 * {@link #refresh}; this one at once after its own change). Authentication keeps the machine's
 * clock.
 */
public final class ServerClock extends Clock {

    private final Clock machine;
    private final ClockDao dao;
    private final ClockSetting start;
    private volatile ClockSetting setting = ClockSetting.REAL;

    /**
     * @param start how {@code --clock} and {@code --clock-fixed} set it; null to keep what the
     *        database holds (the machine's clock on a fresh one)
     */
    public ServerClock(Clock machine, ClockDao dao, ClockSetting start) {
        this.machine = machine;
        this.dao = dao;
        this.start = start;
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

    /** Reads the stored setting again: what another instance stored is in force from now. */
    public void refresh() {
        try {
            reload();
        } catch (RuntimeException databaseAway) {
            // the setting held stays until the database answers again
        }
    }

    private void reload() {
        setting = dao.read();
    }
}
