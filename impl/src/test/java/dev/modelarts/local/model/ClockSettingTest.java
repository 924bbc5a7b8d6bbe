package dev.modelarts.local.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server clock's settings as values: what each reads, and what each change makes. */
class ClockSettingTest {

    private static final long MACHINE = 1_000_000;

    @Test
    void realReadsTheMachineRunningAddsItsOffsetFixedStandsStill() {
        assertThat(ClockSetting.REAL.millis(MACHINE)).isEqualTo(MACHINE);
        ClockSetting running = ClockSetting.startingAt(5_000, false, MACHINE);
        assertThat(running.millis(MACHINE)).isEqualTo(5_000);
        assertThat(running.millis(MACHINE + 10)).isEqualTo(5_010);
        ClockSetting fixed = ClockSetting.startingAt(5_000, true, MACHINE);
        assertThat(fixed.millis(MACHINE + 10)).isEqualTo(5_000);
    }

    @Test
    void advancingMovesEachModeForward() {
        assertThat(ClockSetting.REAL.advancedBy(7).millis(MACHINE)).isEqualTo(MACHINE + 7);
        assertThat(ClockSetting.REAL.advancedBy(7).mode()).isEqualTo(ClockSetting.Mode.RUNNING);
        assertThat(ClockSetting.startingAt(5_000, true, MACHINE).advancedBy(1_999).millis(0)).isEqualTo(6_999);
        assertThat(ClockSetting.startingAt(5_000, false, MACHINE).advancedBy(1).millis(MACHINE)).isEqualTo(5_001);
    }

    @Test
    void settingKeepsAFixedClockFixedAndFixingStopsAtTheTimeItReads() {
        ClockSetting fixed = ClockSetting.startingAt(5_000, true, MACHINE).setTo(9_000, MACHINE);
        assertThat(fixed.mode()).isEqualTo(ClockSetting.Mode.FIXED);
        assertThat(fixed.millis(0)).isEqualTo(9_000);
        ClockSetting stopped = ClockSetting.startingAt(5_000, false, MACHINE).fixed(true, MACHINE + 100);
        assertThat(stopped.millis(MACHINE + 500)).isEqualTo(5_100);
        ClockSetting freed = stopped.fixed(false, MACHINE + 500);
        assertThat(freed.millis(MACHINE + 600)).isEqualTo(5_200);
        assertThat(freed.modeName()).isEqualTo("running");
    }

    @Test
    void seededIdsRepeatForTheSameSeedAndClock() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"),
                java.time.ZoneOffset.UTC);
        Ids one = Ids.seeded(42, clock);
        Ids two = Ids.seeded(42, clock);
        for (int i = 0; i < 5; i++) {
            String id = one.next();
            assertThat(two.next()).isEqualTo(id);
            assertThat(java.util.UUID.fromString(id).version()).isEqualTo(7);
        }
        assertThat(Ids.seeded(43, clock).next()).isNotEqualTo(Ids.seeded(42, clock).next());
        assertThat(one.hex()).hasSize(32).matches("[0-9a-f]+");
    }
}
