package com.rigsync.samsara;

import java.time.Instant;

/** Engine state as Samsara names it: {@code On}, {@code Off} or {@code Idle}. */
public record EngineStateReading(Instant time, String state) {
}
