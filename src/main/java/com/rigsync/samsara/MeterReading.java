package com.rigsync.samsara;

import java.time.Instant;

/** A whole-number reading with its time: meters for odometers, seconds for engine hours, mV for the battery. */
public record MeterReading(Instant time, long value) {
}
