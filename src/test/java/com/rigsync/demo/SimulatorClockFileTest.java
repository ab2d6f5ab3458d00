package com.rigsync.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A restarted demo's simulated Samsara keeps the time it was moved to: its clock never runs backwards. */
class SimulatorClockFileTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aClockMovedForwardStaysForwardAfterARestart() throws Exception {
        Path file = dir.resolve("data").resolve("simulated-samsara-clock");
        SimulatedSamsara before = simulator();
        new SimulatorClockFile(file).keep(before);
        assertThat(before.now()).as("nothing kept yet").isEqualTo(NOW);
        before.advanceClock(Duration.ofHours(1));
        before.advanceClock(Duration.ofDays(1));

        SimulatedSamsara after = simulator();
        new SimulatorClockFile(file).keep(after);
        assertThat(after.now()).isEqualTo(NOW.plus(Duration.ofHours(25)));

        Files.writeString(file, "not a duration");
        SimulatedSamsara unreadable = simulator();
        new SimulatorClockFile(file).keep(unreadable);
        assertThat(unreadable.now()).as("an unreadable file: from now, and the demo still starts").isEqualTo(NOW);
    }

    private static SimulatedSamsara simulator() {
        return new SimulatedSamsara(Clock.fixed(NOW, ZoneOffset.UTC), SimulatedSamsara.DEFAULT_PAGE_SIZE,
                SimulatedSamsara.DEFAULT_REDIRECT_URI, SimulatedFleet.withVehicles(2), System::nanoTime);
    }
}
