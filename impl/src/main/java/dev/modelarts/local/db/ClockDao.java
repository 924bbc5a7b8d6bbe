package dev.modelarts.local.db;

import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import dev.modelarts.local.model.ClockSetting;

/** The server clock's setting (test_clock): one row once set, none for the machine's clock. */
public final class ClockDao {

    private final Jdbi jdbi;

    /** Apart from the {@link DataLayer}: the clock comes first, new ids are made from it. */
    public ClockDao(Database database) {
        this.jdbi = database.jdbi();
    }

    public ClockSetting read() {
        Optional<ClockSetting> stored = jdbi.withHandle(h -> h.createQuery(
                        "select mode, at_ms, offset_ms from test_clock where id = 1")
                .map((rs, ctx) -> new ClockSetting(ClockSetting.Mode.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
                        rs.getLong(2), rs.getLong(3)))
                .findOne());
        return stored.orElse(ClockSetting.REAL);
    }

    /** Stores a setting; instances writing at once each store theirs, the last one stays. */
    public void write(ClockSetting setting) {
        jdbi.useHandle(h -> {
            if (setting.mode() == ClockSetting.Mode.REAL) {
                h.createUpdate("delete from test_clock where id = 1").execute();
                return;
            }
            String update = "update test_clock set mode = :mode, at_ms = :at, offset_ms = :offset where id = 1";
            if (bind(h.createUpdate(update), setting).execute() == 0) {
                // an update, not a delete and insert: two instances storing at once must not collide
                bind(h.createUpdate("insert into test_clock (id, mode, at_ms, offset_ms) values (1, :mode, :at, :offset)"
                        + " on conflict do nothing"), setting).execute();
                bind(h.createUpdate(update), setting).execute();
            }
        });
    }

    private static org.jdbi.v3.core.statement.Update bind(org.jdbi.v3.core.statement.Update update, ClockSetting s) {
        return update.bind("mode", s.modeName()).bind("at", s.atMs()).bind("offset", s.offsetMs());
    }
}
