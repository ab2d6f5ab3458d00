package com.rigsync.samsara;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stat types RigSync reads. {@link #queryName} is what is asked for in {@code types=}; {@link #responseKey} is the
 * key Samsara answers with, which differs for engine states and fuel percents.
 */
public enum StatType {
    OBD_ODOMETER_METERS("obdOdometerMeters", "obdOdometerMeters"),
    GPS_ODOMETER_METERS("gpsOdometerMeters", "gpsOdometerMeters"),
    OBD_ENGINE_SECONDS("obdEngineSeconds", "obdEngineSeconds"),
    SYNTHETIC_ENGINE_SECONDS("syntheticEngineSeconds", "syntheticEngineSeconds"),
    GPS("gps", "gps"),
    FUEL_PERCENTS("fuelPercents", "fuelPercent"),
    ENGINE_STATES("engineStates", "engineState"),
    FAULT_CODES("faultCodes", "faultCodes"),
    BATTERY_MILLI_VOLTS("batteryMilliVolts", "batteryMilliVolts");

    /** Samsara accepts at most this many types per stats call. */
    public static final int MAX_TYPES_PER_CALL = 3;

    final String queryName;
    final String responseKey;

    StatType(String queryName, String responseKey) {
        this.queryName = queryName;
        this.responseKey = responseKey;
    }

    public String queryName() {
        return queryName;
    }

    public String responseKey() {
        return responseKey;
    }

    /**
     * How a set of types is split into calls: in declaration order, three at a time. The split is deterministic,
     * so the same set always yields the same groups (and the same stats-feed cursor keys).
     */
    public static List<Set<StatType>> groups(Set<StatType> types) {
        if (types == null || types.isEmpty()) {
            throw new IllegalArgumentException("ask for at least one stat type");
        }
        List<StatType> ordered = new ArrayList<>(EnumSet.copyOf(types));
        List<Set<StatType>> groups = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i += MAX_TYPES_PER_CALL) {
            groups.add(Set.copyOf(EnumSet.copyOf(ordered.subList(i, Math.min(ordered.size(), i + MAX_TYPES_PER_CALL)))));
        }
        return List.copyOf(groups);
    }

    /** The {@code types=} value of a group, e.g. {@code obdOdometerMeters,obdEngineSeconds,gps}. */
    static String queryValue(Set<StatType> group) {
        return EnumSet.copyOf(group).stream().map(t -> t.queryName).collect(Collectors.joining(","));
    }
}
