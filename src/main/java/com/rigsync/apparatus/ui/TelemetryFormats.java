package com.rigsync.apparatus.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import com.rigsync.base.ui.DisplayFormats;

/**
 * How synced values read in the grid. Miles and the server's time zone for now: the department preferences (units,
 * time zone) replace this in one place.
 */
final class TelemetryFormats {

    private static final double METERS_PER_MILE = 1609.344;

    private TelemetryFormats() {
    }

    static String odometer(Long meters) {
        return meters == null ? "" : NumberFormat.getIntegerInstance(Locale.US)
                .format(Math.round(meters / METERS_PER_MILE)) + " mi";
    }

    static String engineHours(Long seconds) {
        return seconds == null ? "" : NumberFormat.getIntegerInstance(Locale.US)
                .format(Math.round(seconds / 3600.0)) + " h";
    }

    static String time(Instant instant) {
        return DisplayFormats.dateTime(instant, ZoneId.systemDefault());
    }
}
