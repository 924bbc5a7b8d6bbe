package dev.modelarts.local.model;

/**
 * How the server's clock reads the time: the machine's clock ({@code REAL}), the machine's clock
 * plus an offset ({@code RUNNING}: set or moved, then running on), or one instant
 * ({@code FIXED}). A value: every change makes a new one, given the machine's time then.
 */
public record ClockSetting(Mode mode, long atMs, long offsetMs) {

    public enum Mode { REAL, RUNNING, FIXED }

    public static final ClockSetting REAL = new ClockSetting(Mode.REAL, 0, 0);

    /** {@code --clock}: {@code at} now, then running on (or, {@code fixed}, standing still). */
    public static ClockSetting startingAt(long at, boolean fixed, long machineMs) {
        return fixed ? new ClockSetting(Mode.FIXED, at, 0) : new ClockSetting(Mode.RUNNING, 0, at - machineMs);
    }

    /** The time this setting reads when the machine's clock reads {@code machineMs}. */
    public long millis(long machineMs) {
        return switch (mode) {
            case REAL -> machineMs;
            case RUNNING -> machineMs + offsetMs;
            case FIXED -> atMs;
        };
    }

    public ClockSetting advancedBy(long ms) {
        return switch (mode) {
            case REAL -> new ClockSetting(Mode.RUNNING, 0, ms);
            case RUNNING -> new ClockSetting(Mode.RUNNING, 0, offsetMs + ms);
            case FIXED -> new ClockSetting(Mode.FIXED, atMs + ms, 0);
        };
    }

    /** Reads {@code at} now; a fixed clock stays fixed, any other runs on from there. */
    public ClockSetting setTo(long at, long machineMs) {
        return startingAt(at, mode == Mode.FIXED, machineMs);
    }

    /** Stops at the time it reads now ({@code true}), or runs on from it ({@code false}). */
    public ClockSetting fixed(boolean fixed, long machineMs) {
        if (fixed == (mode == Mode.FIXED)) {
            return this;
        }
        return startingAt(millis(machineMs), fixed, machineMs);
    }

    /** The mode as the API names it. */
    public String modeName() {
        return mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
