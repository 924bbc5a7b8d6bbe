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

    public void write(ClockSetting setting) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from test_clock where id = 1").execute();
            if (setting.mode() != ClockSetting.Mode.REAL) {
                h.createUpdate("insert into test_clock (id, mode, at_ms, offset_ms) values (1, :mode, :at, :offset)")
                        .bind("mode", setting.modeName())
                        .bind("at", setting.atMs())
                        .bind("offset", setting.offsetMs())
                        .execute();
            }
        });
    }
}
