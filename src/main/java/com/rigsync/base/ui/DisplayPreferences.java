package com.rigsync.base.ui;

import java.time.Instant;
import java.time.ZoneId;

import com.rigsync.base.DistanceUnit;

/**
 * How the signed-in person's screens show times and distances: their department's time zone and units (UTC and
 * miles for Client Success staff, who belong to no department). Views fetch it once when attached.
 */
public record DisplayPreferences(ZoneId zone, DistanceUnit units) {

    public static final DisplayPreferences CLIENT_SUCCESS = new DisplayPreferences(ZoneId.of("UTC"),
            DistanceUnit.MILES);

    public String dateTime(Instant instant) {
        return DisplayFormats.dateTime(instant, zone);
    }

    public String date(Instant instant) {
        return DisplayFormats.date(instant, zone);
    }

    /** A distance stored in metres, in the department's units: "12,345 mi" or "19,868 km". */
    public String distance(Double metres) {
        return DisplayFormats.distance(metres, units);
    }
}
