package com.rigsync.samsara;

import java.time.Instant;

/** Fuel level in percent (0 to 100). */
public record FuelPercentReading(Instant time, double percent) {
}
