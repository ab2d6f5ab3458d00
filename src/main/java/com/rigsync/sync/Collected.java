package com.rigsync.sync;

import java.time.Instant;
import java.util.List;

import com.rigsync.samsara.EngineStateReading;
import com.rigsync.samsara.FaultCodesReading;
import com.rigsync.samsara.FuelPercentReading;
import com.rigsync.samsara.GpsReading;
import com.rigsync.samsara.MeterReading;
import com.rigsync.samsara.VehicleStats;
import com.rigsync.samsara.VehicleStatsSeries;

/**
 * The newest reading of each stat one vehicle sent during a run, merged over groups of types and feed pages. A stat
 * Samsara did not send stays null, so it is never written as empty. Feed series are reduced to their newest reading by
 * the time Samsara took it, in whatever order the readings came: one meter-history entry per meter and run.
 */
final class Collected {

    MeterReading obdOdometer;
    MeterReading gpsOdometer;
    MeterReading obdEngine;
    MeterReading syntheticEngine;
    GpsReading gps;
    FuelPercentReading fuel;
    EngineStateReading engineState;
    FaultCodesReading faults;

    void add(VehicleStats s) {
        obdOdometer = newer(obdOdometer, s.obdOdometerMeters());
        gpsOdometer = newer(gpsOdometer, s.gpsOdometerMeters());
        obdEngine = newer(obdEngine, s.obdEngineSeconds());
        syntheticEngine = newer(syntheticEngine, s.syntheticEngineSeconds());
        gps = newer(gps, s.gps());
        fuel = newer(fuel, s.fuelPercent());
        engineState = newer(engineState, s.engineState());
        faults = newer(faults, s.faultCodes());
    }

    void add(VehicleStatsSeries s) {
        obdOdometer = newer(obdOdometer, newest(s.obdOdometerMeters()));
        gpsOdometer = newer(gpsOdometer, newest(s.gpsOdometerMeters()));
        obdEngine = newer(obdEngine, newest(s.obdEngineSeconds()));
        syntheticEngine = newer(syntheticEngine, newest(s.syntheticEngineSeconds()));
        gps = newer(gps, newest(s.gps()));
        fuel = newer(fuel, newest(s.fuelPercent()));
        engineState = newer(engineState, newest(s.engineState()));
        faults = newer(faults, newest(s.faultCodes()));
    }

    /** OBD odometer, else GPS odometer. */
    MeterReading odometer() {
        return obdOdometer != null ? obdOdometer : gpsOdometer;
    }

    /** OBD engine seconds, else synthetic engine seconds. */
    MeterReading engine() {
        return obdEngine != null ? obdEngine : syntheticEngine;
    }

    /** The newest time Samsara took any of these readings, or null when it sent none. */
    Instant newestTime() {
        Instant newest = null;
        for (Instant t : new Instant[] {time(odometer()), time(engine()), gps == null ? null : gps.time(),
                fuel == null ? null : fuel.time(), engineState == null ? null : engineState.time(),
                faults == null ? null : faults.time()}) {
            if (t != null && (newest == null || t.isAfter(newest))) {
                newest = t;
            }
        }
        return newest;
    }

    private static Instant time(MeterReading r) {
        return r == null ? null : r.time();
    }

    private static <T> T newest(List<T> readings) {
        T newest = null;
        if (readings != null) {
            for (T reading : readings) {
                newest = newer(newest, reading);
            }
        }
        return newest;
    }

    private static <T> T newer(T current, T candidate) {
        if (candidate == null) {
            return current;
        }
        if (current == null) {
            return candidate;
        }
        Instant a = timeOf(current);
        Instant b = timeOf(candidate);
        return a == null || (b != null && !b.isBefore(a)) ? candidate : current;
    }

    private static Instant timeOf(Object reading) {
        return switch (reading) {
            case MeterReading r -> r.time();
            case GpsReading r -> r.time();
            case FuelPercentReading r -> r.time();
            case EngineStateReading r -> r.time();
            case FaultCodesReading r -> r.time();
            default -> null;
        };
    }
}
