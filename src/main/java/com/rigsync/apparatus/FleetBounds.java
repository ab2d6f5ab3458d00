package com.rigsync.apparatus;

import java.time.Clock;
import java.time.Duration;

import com.rigsync.apparatus.ApparatusQueries.Bounds;
import com.rigsync.department.FleetThresholds;
import com.rigsync.department.PreferencesService;
import org.springframework.stereotype.Component;

/**
 * What the signed-in person's department measures its fleet conditions against now: its thresholds (Preferences), the
 * clock, and the apparatus with meter readings waiting for review.
 */
@Component
class FleetBounds {

    private final PreferencesService preferences;
    private final MeterReadings meterReadings;
    private final Clock clock;

    FleetBounds(PreferencesService preferences, MeterReadings meterReadings, Clock clock) {
        this.preferences = preferences;
        this.meterReadings = meterReadings;
        this.clock = clock;
    }

    /** Only what the filter needs: a grid page without a fleet condition reads nothing more. */
    Bounds forFilter(long departmentId, ApparatusFilter filter) {
        return filter.condition() == null ? Bounds.NONE : now(departmentId, preferences.fleetThresholds());
    }

    Bounds now(long departmentId, FleetThresholds thresholds) {
        return new Bounds(clock.instant().minus(Duration.ofHours(thresholds.notReportingHours())),
                thresholds.lowFuelPercent(), meterReadings.apparatusWithReadingsToReview(departmentId));
    }
}
