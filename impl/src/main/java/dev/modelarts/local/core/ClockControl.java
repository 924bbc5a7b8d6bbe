package dev.modelarts.local.core;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import dev.modelarts.local.api.model.ClockChange;
import dev.modelarts.local.api.model.ClockState;
import dev.modelarts.local.errors.ApiException;
import dev.modelarts.local.errors.ErrorCode;
import dev.modelarts.local.model.ClockSetting;

/** {@code /_modelarts/clock}: the server's clock as the test-control API shows and moves it. */
public final class ClockControl {

    private final ServerClock clock;

    public ClockControl(ServerClock clock) {
        this.clock = clock;
    }

    public ClockState state() {
        return view(clock.setting());
    }

    /** Applies one change; a change that is not exactly one thing is a 400 saying why. */
    public ClockState change(ClockChange change) {
        int moves = (change.getAdvanceMs() != null ? 1 : 0) + (change.getSet() != null ? 1 : 0)
                + (change.getReal() != null ? 1 : 0);
        if (moves > 1 || moves == 0 && change.getFixed() == null) {
            throw invalid("give exactly one of 'advance_ms', 'set' and 'real', or 'fixed' alone");
        }
        if (change.getReal() != null && (!change.getReal() || change.getFixed() != null)) {
            throw invalid("'real' must be true and comes alone");
        }
        Long at = change.getSet() == null ? null : parse(change.getSet());
        ClockSetting next = clock.apply((current, machineMs) -> {
            ClockSetting moved = current;
            if (change.getReal() != null) {
                return ClockSetting.REAL;
            }
            if (change.getAdvanceMs() != null) {
                moved = moved.advancedBy(change.getAdvanceMs());
            } else if (at != null) {
                moved = moved.setTo(at, machineMs);
            }
            return change.getFixed() == null ? moved : moved.fixed(change.getFixed(), machineMs);
        });
        return view(next);
    }

    /** An ISO-8601 instant with an offset ({@code 2026-01-01T00:00:00Z}), as epoch milliseconds. */
    public static long parse(String instant) {
        try {
            return OffsetDateTime.parse(instant).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw invalid("'set' must be an ISO-8601 instant with an offset, such as 2026-01-01T00:00:00Z: "
                    + instant);
        }
    }

    private ClockState view(ClockSetting setting) {
        long now = clock.millis();
        return new ClockState(Instant.ofEpochMilli(now).toString(), now,
                ClockState.ModeEnum.fromValue(setting.modeName()));
    }

    private static ApiException invalid(String why) {
        return new ApiException(ErrorCode.PARAMETER_ERROR, "Parameter error: " + why + ".");
    }
}
