package com.rigsync.samsara;

import java.time.Instant;

/** A GPS fix; heading, speed and address may be null. */
public record GpsReading(Instant time, double latitude, double longitude, Double headingDegrees,
        Double speedMilesPerHour, String formattedLocation) {
}
