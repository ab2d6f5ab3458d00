package com.rigsync.demo.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Stats of one simulated vehicle as a pure function of time. Each day is cut into 48 half-hour slots, a fixed number
 * of which the engine runs (some of those driving) at slots chosen from the vehicle's seed and the day, so odometer
 * and engine seconds only grow, and the same instant always gives the same reading.
 * <p>
 * A vehicle whose gateway went silent ({@link VehicleProfile.Quirk#SILENT_GATEWAY}) answers at any instant with what
 * it had sent {@value #SILENT_DAYS} days before, and its feed brings nothing: it stays "not reporting" whenever the
 * demo runs, rather than going silent once at a fixed date that would grow years old.
 */
final class VehicleTelemetry {

    static final Instant ORIGIN = Instant.parse("2024-01-01T00:00:00Z");
    private static final long SLOT_SECONDS = 1_800;
    private static final int SLOTS_PER_DAY = 48;
    private static final long DAY_SECONDS = 86_400;
    private static final long READING_SECONDS = 60;
    private static final long LOOK_BACK_SLOTS = 7 * SLOTS_PER_DAY;
    private static final long FUEL_CYCLE_ENGINE_SECONDS = 6 * 3_600;
    private static final long FAULT_REPORT_SECOND_OF_DAY = 7 * 3_600 + 15 * 60;
    static final int SILENT_DAYS = 3;
    private static final byte OFF = 0;
    private static final byte IDLE = 1;
    private static final byte MOVING = 2;
    private static final String[] STREETS = {"N Grand Ave", "E Clear Lake Ave", "S Dirksen Pkwy", "E Stanford Ave",
            "S MacArthur Blvd", "W Wabash Ave", "W Jefferson St", "N Walnut St"};

    private final VehicleProfile profile;
    private final Map<Long, byte[]> plans = new HashMap<>();

    /** Added to every odometer reading (a gateway swap moves it back, a faulty reading forward). */
    private long odometerOffset;
    /** When its fault codes changed on the demo's page (epoch second): reported then, besides their daily report. */
    private long faultCodesChangedAt = Long.MAX_VALUE;

    VehicleTelemetry(VehicleProfile profile) {
        this.profile = profile;
    }

    VehicleProfile profile() {
        return profile;
    }

    void moveOdometer(long deltaMeters) {
        odometerOffset += deltaMeters;
    }

    /**
     * Its fault codes changed at {@code at} (raised, or cleared by a reset): the next sync's feed brings the change,
     * not only tomorrow's daily report.
     */
    void faultCodesChanged(Instant at) {
        faultCodesChangedAt = clamp(at).getEpochSecond();
    }

    /** The latest reading of a stat at or before {@code now}: its value at the last time it changed. */
    Map<String, Object> latest(StatType type, Instant now) {
        return reading(type, lastChange(type, asOf(now)));
    }

    /** The latest reading of an odometer or engine-seconds stat at or before {@code now}, as {@link #latest} has it. */
    SimulatedFleet.MeterReading latestMeter(StatType type, Instant now) {
        long t = lastChange(type, asOf(now));
        return new SimulatedFleet.MeterReading(Instant.ofEpochSecond(t), meterValue(type, t));
    }

    /** Readings of a stat taken in (since, until], oldest first. */
    List<Map<String, Object>> readingsBetween(StatType type, Instant since, Instant until) {
        long from = clamp(since).getEpochSecond();
        long to = clamp(until).getEpochSecond();
        List<Map<String, Object>> readings = new ArrayList<>();
        if (to <= from || silent()) {
            return readings;
        }
        if (type.change == StatType.Change.DAILY) {
            long day = Math.floorDiv(from - ORIGIN.getEpochSecond(), DAY_SECONDS);
            SortedSet<Long> times = new TreeSet<>();
            for (long t = dayStart(day) + FAULT_REPORT_SECOND_OF_DAY; t <= to; t += DAY_SECONDS) {
                if (t > from) {
                    times.add(t);
                }
            }
            if (faultCodesChangedAt > from && faultCodesChangedAt <= to) {
                times.add(faultCodesChangedAt);
            }
            times.forEach(t -> readings.add(reading(type, t)));
            return readings;
        }
        for (long slot = slotOf(from); slot <= slotOf(to); slot++) {
            long start = slotStart(slot);
            if (type.change == StatType.Change.STATE) {
                if (start > from && start <= to && state(slot) != state(slot - 1)) {
                    readings.add(reading(type, start));
                }
            } else if (active(type, slot)) {
                for (long t = start + READING_SECONDS; t <= start + SLOT_SECONDS; t += READING_SECONDS) {
                    if (t > from && t <= to) {
                        readings.add(reading(type, t));
                    }
                }
            }
        }
        return readings;
    }

    private long lastChange(StatType type, long now) {
        if (type.change == StatType.Change.DAILY) {
            long day = Math.floorDiv(now - ORIGIN.getEpochSecond(), DAY_SECONDS);
            long today = dayStart(day) + FAULT_REPORT_SECOND_OF_DAY;
            long daily = today <= now ? today : today - DAY_SECONDS;
            return faultCodesChangedAt <= now ? Math.max(daily, faultCodesChangedAt) : daily;
        }
        long current = slotOf(now);
        for (long slot = current; slot > current - LOOK_BACK_SLOTS; slot--) {
            long start = slotStart(slot);
            if (type.change == StatType.Change.STATE) {
                if (state(slot) != state(slot - 1)) {
                    return start;
                }
            } else if (active(type, slot)) {
                if (slot < current) {
                    return start + SLOT_SECONDS;
                }
                if (now >= start + READING_SECONDS) {
                    return start + (now - start) / READING_SECONDS * READING_SECONDS;
                }
            }
        }
        // parked for a week or more: the reading is as old as the look-back
        return slotStart(current - LOOK_BACK_SLOTS);
    }

    private Map<String, Object> reading(StatType type, long epochSecond) {
        var reading = new LinkedHashMap<String, Object>();
        reading.put("time", Instant.ofEpochSecond(epochSecond).toString());
        switch (type) {
            case OBD_ODOMETER_METERS, GPS_ODOMETER_METERS, OBD_ENGINE_SECONDS, SYNTHETIC_ENGINE_SECONDS ->
                    reading.put("value", meterValue(type, epochSecond));
            case ENGINE_STATES -> reading.put("value", switch (state(slotOf(epochSecond))) {
                case MOVING -> "On";
                case IDLE -> "Idle";
                default -> "Off";
            });
            case FUEL_PERCENTS -> reading.put("value", fuelPercent(epochSecond));
            case BATTERY_MILLI_VOLTS -> reading.put("value", batteryMilliVolts(epochSecond));
            case GPS -> putLocation(reading, epochSecond);
            case FAULT_CODES -> putFaultCodes(reading);
        }
        return reading;
    }

    private long meterValue(StatType type, long t) {
        return switch (type) {
            case OBD_ODOMETER_METERS -> odometerMeters(t) + odometerOffset;
            case GPS_ODOMETER_METERS -> (odometerMeters(t) + odometerOffset) * 997 / 1000;
            case OBD_ENGINE_SECONDS -> engineSeconds(t);
            case SYNTHETIC_ENGINE_SECONDS -> engineSeconds(t) * 98 / 100;
            default -> throw new IllegalArgumentException(type + " is not a meter");
        };
    }

    long odometerMeters(long t) {
        long s = t - ORIGIN.getEpochSecond();
        long day = Math.floorDiv(s, DAY_SECONDS);
        long within = s - day * DAY_SECONDS;
        byte[] plan = plan(day);
        int slot = (int) (within / SLOT_SECONDS);
        long meters = profile.baseOdometerMeters() + day * profile.movingSlotsPerDay() * profile.metersPerMovingSlot();
        for (int i = 0; i < slot; i++) {
            if (plan[i] == MOVING) {
                meters += profile.metersPerMovingSlot();
            }
        }
        if (plan[slot] == MOVING) {
            meters += profile.metersPerMovingSlot() * (within - slot * SLOT_SECONDS) / SLOT_SECONDS;
        }
        return meters;
    }

    long engineSeconds(long t) {
        long s = t - ORIGIN.getEpochSecond();
        long day = Math.floorDiv(s, DAY_SECONDS);
        long within = s - day * DAY_SECONDS;
        byte[] plan = plan(day);
        int slot = (int) (within / SLOT_SECONDS);
        long seconds = profile.baseEngineSeconds() + day * profile.onSlotsPerDay() * SLOT_SECONDS;
        for (int i = 0; i < slot; i++) {
            if (plan[i] != OFF) {
                seconds += SLOT_SECONDS;
            }
        }
        if (plan[slot] != OFF) {
            seconds += within - slot * SLOT_SECONDS;
        }
        return seconds;
    }

    private long fuelPercent(long t) {
        long burnt = Math.floorMod(engineSeconds(t) + profile.seed(), FUEL_CYCLE_ENGINE_SECONDS);
        if (profile.quirk() == VehicleProfile.Quirk.LOW_FUEL) {
            // nobody refuels it: it drifts between 18 and 12 percent
            return 18 - burnt * 6 / FUEL_CYCLE_ENGINE_SECONDS;
        }
        return 98 - burnt * 75 / FUEL_CYCLE_ENGINE_SECONDS;
    }

    private long batteryMilliVolts(long t) {
        long jitter = Math.floorMod(profile.seed(), 180);
        return state(slotOf(t)) == OFF ? 12_420 + jitter : 13_880 + jitter;
    }

    private void putLocation(Map<String, Object> reading, long t) {
        long slot = slotOf(t);
        double latitude = profile.homeLatitude();
        double longitude = profile.homeLongitude();
        double heading = 0;
        double speedMph = 0;
        String address = profile.homeAddress();
        if (state(slot) == MOVING) {
            double progress = (double) (t - slotStart(slot)) / SLOT_SECONDS;
            double bearing = new SplittableRandom(profile.seed() ^ slot).nextDouble(360);
            double radius = Math.min(profile.metersPerMovingSlot() / 2.5, 9_000);
            double distance = radius * Math.sin(Math.PI * progress);
            double radians = Math.toRadians(bearing);
            latitude += distance * Math.cos(radians) / 111_320;
            longitude += distance * Math.sin(radians) / (111_320 * Math.cos(Math.toRadians(latitude)));
            heading = progress < 0.5 ? bearing : (bearing + 180) % 360;
            speedMph = radius * Math.PI * Math.abs(Math.cos(Math.PI * progress)) / SLOT_SECONDS * 2.23694;
            if (distance > 150) {
                address = (100 + Math.round(distance / 10) * 2) + " " + STREETS[(int) (bearing / 45) % 8]
                        + ", Springfield";
            }
        }
        reading.put("latitude", round(latitude, 6));
        reading.put("longitude", round(longitude, 6));
        reading.put("headingDegrees", round(heading, 1));
        reading.put("speedMilesPerHour", round(speedMph, 1));
        // Samsara sends no reverseGeo where it has no address for the place (a field, a staging area)
        if (address != null) {
            reading.put("reverseGeo", Map.of("formattedLocation", address));
        }
        reading.put("isEcuSpeed", false);
    }

    private void putFaultCodes(Map<String, Object> reading) {
        VehicleProfile.Fault fault = profile.fault();
        if (profile.heavyDuty()) {
            reading.put("canBusType", "CANBUS_J1939_500");
            var lights = new LinkedHashMap<String, Object>();
            var codes = new ArrayList<Map<String, Object>>();
            boolean coolant = fault == VehicleProfile.Fault.J1939_COOLANT;
            boolean water = fault == VehicleProfile.Fault.J1939_AND_OEM;
            boolean oil = fault == VehicleProfile.Fault.J1939_OIL_PRESSURE;
            lights.put("warningIsOn", water || oil);
            lights.put("emissionsIsOn", false);
            lights.put("protectIsOn", coolant);
            lights.put("stopIsOn", oil);
            if (coolant) {
                codes.add(j1939Code(110, 0, 3, "Engine coolant temperature", "High - most severe"));
            }
            if (water) {
                codes.add(j1939Code(97, 15, 1, "Water in fuel indicator", "High - least severe"));
            }
            if (oil) {
                codes.add(j1939Code(100, 1, 2, "Engine oil pressure", "Low - most severe"));
                codes.add(j1939Code(175, 16, 5, "Engine oil temperature 1", "High - moderately severe"));
            }
            reading.put("j1939", SamsaraJson.ordered("checkEngineLights", lights, "diagnosticTroubleCodes", codes));
            if (water) {
                var oemCode = new LinkedHashMap<String, Object>();
                oemCode.put("codeIdentifier", "AER-0412");
                oemCode.put("codeDescription", "Aerial device interlock not engaged");
                oemCode.put("codeSeverity", "warning");
                oemCode.put("codeSource", "body controller");
                reading.put("oem", Map.of("diagnosticTroubleCodes", List.of(oemCode)));
            }
        } else {
            reading.put("canBusType", "OBDII");
            boolean catalyst = fault == VehicleProfile.Fault.OBDII_CATALYST;
            var codes = new ArrayList<Map<String, Object>>();
            if (catalyst) {
                var dtc = new LinkedHashMap<String, Object>();
                dtc.put("dtcId", 1056);
                dtc.put("dtcShortCode", "P0420");
                dtc.put("dtcDescription", "Catalyst efficiency below threshold");
                codes.add(obdiiCode(true, dtc));
            }
            if (fault == VehicleProfile.Fault.OBDII_ID_ONLY) {
                // a manufacturer code Samsara could not decode: an id, no short code, no description, no lamp
                codes.add(obdiiCode(false, Map.of("dtcId", 53_841)));
            }
            reading.put("obdii", SamsaraJson.ordered("checkEngineLightIsOn", catalyst, "diagnosticTroubleCodes",
                    codes));
        }
    }

    private static Map<String, Object> obdiiCode(boolean milOn, Map<String, Object> confirmed) {
        var code = new LinkedHashMap<String, Object>();
        code.put("txId", 0);
        // a boolean here (an integer for J1939), as Samsara's published schema and SDKs have it
        code.put("milStatus", milOn);
        code.put("confirmedDtcs", List.of(confirmed));
        code.put("pendingDtcs", List.of());
        code.put("permanentDtcs", List.of());
        return code;
    }

    private static Map<String, Object> j1939Code(int spn, int fmi, int occurrences, String spnText, String fmiText) {
        var code = new LinkedHashMap<String, Object>();
        code.put("txId", 0);
        code.put("spnId", spn);
        code.put("fmiId", fmi);
        code.put("occurrenceCount", occurrences);
        code.put("spnDescription", spnText);
        code.put("fmiDescription", fmiText);
        code.put("milStatus", 0);
        return code;
    }

    private boolean active(StatType type, long slot) {
        byte state = state(slot);
        return type.change == StatType.Change.MOVING ? state == MOVING : state != OFF;
    }

    private byte state(long slot) {
        long day = Math.floorDiv(slot, SLOTS_PER_DAY);
        return plan(day)[(int) Math.floorMod(slot, SLOTS_PER_DAY)];
    }

    /** Which slots of a day the engine runs (some driving); the same counts every day, so totals grow evenly. */
    private byte[] plan(long day) {
        return plans.computeIfAbsent(day, d -> {
            byte[] plan = new byte[SLOTS_PER_DAY];
            var random = new SplittableRandom(profile.seed() ^ (d * 0x9E37_79B9_7F4A_7C15L));
            int[] order = new int[SLOTS_PER_DAY];
            for (int i = 0; i < SLOTS_PER_DAY; i++) {
                order[i] = i;
            }
            for (int i = 0; i < profile.onSlotsPerDay(); i++) {
                int j = i + random.nextInt(SLOTS_PER_DAY - i);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
                plan[order[i]] = i < profile.movingSlotsPerDay() ? MOVING : IDLE;
            }
            return plan;
        });
    }

    private boolean silent() {
        return profile.quirk() == VehicleProfile.Quirk.SILENT_GATEWAY;
    }

    /** The instant the vehicle's latest readings at {@code now} come from: days earlier when its gateway is silent. */
    private long asOf(Instant now) {
        return clamp(silent() ? now.minus(Duration.ofDays(SILENT_DAYS)) : now).getEpochSecond();
    }

    private static long slotOf(long epochSecond) {
        return Math.floorDiv(epochSecond - ORIGIN.getEpochSecond(), SLOT_SECONDS);
    }

    private static long slotStart(long slot) {
        return ORIGIN.getEpochSecond() + slot * SLOT_SECONDS;
    }

    private static long dayStart(long day) {
        return ORIGIN.getEpochSecond() + day * DAY_SECONDS;
    }

    private static Instant clamp(Instant instant) {
        return instant.isBefore(ORIGIN) ? ORIGIN : instant;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
