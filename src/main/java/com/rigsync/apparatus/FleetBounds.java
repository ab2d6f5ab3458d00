package com.rigsync.apparatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

    /**
     * What a page of rows needs: the thresholds always (each row says whether it is not reporting or low on fuel),
     * the apparatus with readings to review only when the filter asks for them.
     */
    Bounds forRows(long departmentId, ApparatusFilter filter) {
        FleetThresholds thresholds = preferences.fleetThresholds();
        return filter.condition() == FleetCondition.NEEDS_REVIEW ? now(departmentId, thresholds)
                : new Bounds(silentBefore(thresholds), thresholds.lowFuelPercent(), List.of());
    }

    Bounds now(long departmentId, FleetThresholds thresholds) {
        return new Bounds(silentBefore(thresholds), thresholds.lowFuelPercent(),
                meterReadings.apparatusWithReadingsToReview(departmentId));
    }

    private Instant silentBefore(FleetThresholds thresholds) {
        return clock.instant().minus(Duration.ofHours(thresholds.notReportingHours()));
    }
}
