package com.rigsync.samsara;

import java.util.Map;
import java.util.Optional;

/**
 * The latest stats of one vehicle, merged over all calls. A stat Samsara did not report is null (never zero);
 * {@link #odometerMeters()} and {@link #engineSeconds()} apply the usual fallbacks.
 */
public record VehicleStats(String id, String name, MeterReading obdOdometerMeters, MeterReading gpsOdometerMeters,
        MeterReading obdEngineSeconds, MeterReading syntheticEngineSeconds, GpsReading gps,
        FuelPercentReading fuelPercent, EngineStateReading engineState, FaultCodesReading faultCodes,
        MeterReading batteryMilliVolts) {

    /** OBD odometer, else GPS odometer. */
    public Optional<MeterReading> odometerMeters() {
        return Optional.ofNullable(obdOdometerMeters != null ? obdOdometerMeters : gpsOdometerMeters);
    }

    /** OBD engine seconds, else synthetic engine seconds. */
    public Optional<MeterReading> engineSeconds() {
        return Optional.ofNullable(obdEngineSeconds != null ? obdEngineSeconds : syntheticEngineSeconds);
    }

    static VehicleStats of(String id, String name, Map<StatType, Object> r) {
        return new VehicleStats(id, name, (MeterReading) r.get(StatType.OBD_ODOMETER_METERS),
                (MeterReading) r.get(StatType.GPS_ODOMETER_METERS), (MeterReading) r.get(StatType.OBD_ENGINE_SECONDS),
                (MeterReading) r.get(StatType.SYNTHETIC_ENGINE_SECONDS), (GpsReading) r.get(StatType.GPS),
                (FuelPercentReading) r.get(StatType.FUEL_PERCENTS), (EngineStateReading) r.get(StatType.ENGINE_STATES),
                (FaultCodesReading) r.get(StatType.FAULT_CODES), (MeterReading) r.get(StatType.BATTERY_MILLI_VOLTS));
    }
}
