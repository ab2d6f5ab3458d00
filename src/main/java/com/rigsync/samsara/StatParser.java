package com.rigsync.samsara;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** Reads stat objects into typed readings; a reading without its value is left out, never turned into zero. */
final class StatParser {

    private StatParser() {
    }

    /**
     * The node Samsara answered for a type. The snapshot answers engine states and fuel percents under singular keys
     * ({@code engineState}, {@code fuelPercent}), the feed under the plural type names ({@code engineStates},
     * {@code fuelPercents}); each form is read first where Samsara uses it, and the other is accepted as well.
     */
    static JsonNode nodeFor(JsonNode vehicle, StatType type, boolean feed) {
        String preferred = feed ? type.queryName : type.responseKey;
        String other = feed ? type.responseKey : type.queryName;
        JsonNode n = present(vehicle.get(preferred));
        if (n == null && !other.equals(preferred)) {
            n = present(vehicle.get(other));
        }
        return n;
    }

    /** Null for a missing, null or empty value, so the other key form gets its chance. */
    private static JsonNode present(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || (n.isContainer() && n.isEmpty()) ? null : n;
    }

    /** Snapshot: one object per type (the latest element if Samsara sent a list). */
    static void readLatest(JsonNode vehicle, Set<StatType> types, Map<StatType, Object> into) {
        for (StatType type : types) {
            JsonNode n = nodeFor(vehicle, type, false);
            if (n == null) {
                continue;
            }
            Object reading = null;
            if (n.isObject()) {
                reading = reading(type, n);
            } else if (n.isArray()) {
                for (JsonNode item : n) {
                    Object r = item.isObject() ? reading(type, item) : null;
                    if (r != null) {
                        reading = r;
                    }
                }
            }
            if (reading != null) {
                into.put(type, reading);
            }
        }
    }

    /** Feed: a list of readings per type (a single object is read as a list of one). */
    static void readAll(JsonNode vehicle, Set<StatType> types, Map<StatType, List<Object>> into) {
        for (StatType type : types) {
            JsonNode n = nodeFor(vehicle, type, true);
            if (n == null) {
                continue;
            }
            List<Object> readings = into.computeIfAbsent(type, t -> new ArrayList<>());
            if (n.isArray()) {
                for (JsonNode item : n) {
                    Object r = item.isObject() ? reading(type, item) : null;
                    if (r != null) {
                        readings.add(r);
                    }
                }
            } else if (n.isObject()) {
                Object r = reading(type, n);
                if (r != null) {
                    readings.add(r);
                }
            }
        }
    }

    static Object reading(StatType type, JsonNode n) {
        return switch (type) {
            case OBD_ODOMETER_METERS, GPS_ODOMETER_METERS, OBD_ENGINE_SECONDS, SYNTHETIC_ENGINE_SECONDS,
                 BATTERY_MILLI_VOLTS -> {
                Long v = Json.longValue(n, "value");
                yield v == null ? null : new MeterReading(Json.instant(n, "time"), v);
            }
            case FUEL_PERCENTS -> {
                Double v = Json.doubleValue(n, "value");
                yield v == null ? null : new FuelPercentReading(Json.instant(n, "time"), v);
            }
            case ENGINE_STATES -> {
                String v = Json.text(n, "value");
                yield v == null ? null : new EngineStateReading(Json.instant(n, "time"), v);
            }
            case GPS -> {
                Double lat = Json.doubleValue(n, "latitude");
                Double lon = Json.doubleValue(n, "longitude");
                JsonNode geo = Json.object(n, "reverseGeo");
                yield lat == null || lon == null ? null
                        : new GpsReading(Json.instant(n, "time"), lat, lon, Json.doubleValue(n, "headingDegrees"),
                                Json.doubleValue(n, "speedMilesPerHour"), Json.text(geo, "formattedLocation"));
            }
            case FAULT_CODES -> FaultCodesReading.parse(n);
        };
    }

    static Map<StatType, Object> emptyLatest() {
        return new EnumMap<>(StatType.class);
    }
}
