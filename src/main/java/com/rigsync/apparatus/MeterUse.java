package com.rigsync.apparatus;

/**
 * How much a meter rose over a recent period, from the readings in use: the sum of the rises between consecutive
 * readings (a reading accepted as a new baseline starts afresh, so a gateway swap adds nothing).
 *
 * @param used     meters (odometer) or seconds (engine hours), or null when fewer than two readings fall in the period
 * @param readings how many readings in use fall in the period
 */
public record MeterUse(MeterKind kind, Long used, int readings) {
}
