package com.rigsync.demo.simulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * The vehicle stat types the simulator serves: the name asked for in {@code types} (also the key of the feed's
 * lists) and the key of the snapshot's answer.
 */
enum StatType {
    OBD_ODOMETER_METERS("obdOdometerMeters", "obdOdometerMeters", Change.MOVING),
    GPS_ODOMETER_METERS("gpsOdometerMeters", "gpsOdometerMeters", Change.MOVING),
    OBD_ENGINE_SECONDS("obdEngineSeconds", "obdEngineSeconds", Change.ENGINE_ON),
    SYNTHETIC_ENGINE_SECONDS("syntheticEngineSeconds", "syntheticEngineSeconds", Change.ENGINE_ON),
    GPS("gps", "gps", Change.MOVING),
    ENGINE_STATES("engineStates", "engineState", Change.STATE),
    FUEL_PERCENTS("fuelPercents", "fuelPercent", Change.ENGINE_ON),
    FAULT_CODES("faultCodes", "faultCodes", Change.DAILY),
    BATTERY_MILLI_VOLTS("batteryMilliVolts", "batteryMilliVolts", Change.STATE);

    /** When a new reading appears: each minute while driving or running, at engine state changes, or daily. */
    enum Change { MOVING, ENGINE_ON, STATE, DAILY }

    final String queryName;
    final String answerKey;
    final Change change;

    StatType(String queryName, String answerKey, Change change) {
        this.queryName = queryName;
        this.answerKey = answerKey;
        this.change = change;
    }

    static Optional<StatType> byQueryName(String name) {
        return Arrays.stream(values()).filter(type -> type.queryName.equals(name)).findFirst();
    }

    boolean reportedBy(SimulatedVehicle vehicle) {
        if (!vehicle.hasGateway()) {
            return false;
        }
        return switch (this) {
            case OBD_ODOMETER_METERS, OBD_ENGINE_SECONDS, FUEL_PERCENTS, FAULT_CODES -> vehicle.reportsObd();
            case SYNTHETIC_ENGINE_SECONDS, ENGINE_STATES -> vehicle.hasEngine();
            case GPS_ODOMETER_METERS, GPS, BATTERY_MILLI_VOLTS -> true;
        };
    }
}
