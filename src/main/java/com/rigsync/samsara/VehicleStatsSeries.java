package com.rigsync.samsara;

import java.util.List;
import java.util.Map;

/** Stats-feed readings of one vehicle, oldest first as Samsara sent them; a type with no reading is an empty list. */
public record VehicleStatsSeries(String id, String name, List<MeterReading> obdOdometerMeters,
        List<MeterReading> gpsOdometerMeters, List<MeterReading> obdEngineSeconds,
        List<MeterReading> syntheticEngineSeconds, List<GpsReading> gps, List<FuelPercentReading> fuelPercent,
        List<EngineStateReading> engineState, List<FaultCodesReading> faultCodes,
        List<MeterReading> batteryMilliVolts) {

    @SuppressWarnings("unchecked")
    static VehicleStatsSeries of(String id, String name, Map<StatType, List<Object>> r) {
        return new VehicleStatsSeries(id, name, (List<MeterReading>) get(r, StatType.OBD_ODOMETER_METERS),
                (List<MeterReading>) get(r, StatType.GPS_ODOMETER_METERS),
                (List<MeterReading>) get(r, StatType.OBD_ENGINE_SECONDS),
                (List<MeterReading>) get(r, StatType.SYNTHETIC_ENGINE_SECONDS), (List<GpsReading>) get(r, StatType.GPS),
                (List<FuelPercentReading>) get(r, StatType.FUEL_PERCENTS),
                (List<EngineStateReading>) get(r, StatType.ENGINE_STATES),
                (List<FaultCodesReading>) get(r, StatType.FAULT_CODES),
                (List<MeterReading>) get(r, StatType.BATTERY_MILLI_VOLTS));
    }

    @SuppressWarnings("rawtypes")
    private static List get(Map<StatType, List<Object>> r, StatType t) {
        List<Object> l = r.get(t);
        return l == null ? List.of() : List.copyOf(l);
    }
}
