package com.rigsync.apparatus.ui;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import com.rigsync.base.DistanceUnit;
import com.rigsync.base.ui.DisplayPreferences;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The synced values as the grid writes them: plain words, nothing for what Samsara never sent. */
class TelemetryFormatsTest {

    private static final DisplayPreferences CHICAGO = new DisplayPreferences(ZoneId.of("America/Chicago"),
            DistanceUnit.KILOMETRES);
    private static final Instant NOW = Instant.parse("2026-03-05T20:00:00Z");

    @Test
    void theGridsReadingTimeLeavesOutThisYearAndKeepsTheAge() {
        assertThat(TelemetryFormats.shortReadingTime(Instant.parse("2026-03-02T20:00:00Z"), CHICAGO, NOW))
                .isEqualTo("Mar 2, 2:00 PM · 3 days ago");
        assertThat(TelemetryFormats.shortReadingTime(Instant.parse("2025-12-31T20:00:00Z"), CHICAGO, NOW))
                .as("another year").startsWith("Dec 31, 2025, 2:00").endsWith(" · 64 days ago");
        assertThat(TelemetryFormats.shortReadingTime(Instant.parse("2026-01-01T03:00:00Z"), CHICAGO, NOW))
                .as("still last year in Chicago").startsWith("Dec 31, 2025, 9:00");
        assertThat(TelemetryFormats.shortReadingTime(NOW.minusSeconds(600), CHICAGO, NOW)).isEqualTo("Mar 5, 1:50 PM");
        assertThat(TelemetryFormats.shortReadingTime(NOW.plusSeconds(7200), CHICAGO, NOW)).as("from the future")
                .isEqualTo("Mar 5, 4:00 PM");
        assertThat(TelemetryFormats.shortReadingTime(null, CHICAGO, NOW)).isEmpty();
    }

    @Test
    void faultsFuelAndLocationReadPlainly() {
        assertThat(TelemetryFormats.faults(2, "Red stop, Check engine (MIL)")).isEqualTo("2 · Red stop, Check engine (MIL)");
        assertThat(TelemetryFormats.faults(1, null)).isEqualTo("1");
        assertThat(TelemetryFormats.faults(0, null)).isEqualTo("None");
        assertThat(TelemetryFormats.faults(null, null)).as("never read").isEmpty();
        assertThat(TelemetryFormats.fuel(new BigDecimal("12.50"))).isEqualTo("13 %");
        assertThat(TelemetryFormats.fuel(null)).isEmpty();
        assertThat(TelemetryFormats.location("1 Main St", 39.78, -89.65)).isEqualTo("1 Main St");
        assertThat(TelemetryFormats.location(" ", 39.78, -89.65)).isEqualTo("39.78000, -89.65000");
        assertThat(TelemetryFormats.location(null, null, null)).isEmpty();
    }
}
