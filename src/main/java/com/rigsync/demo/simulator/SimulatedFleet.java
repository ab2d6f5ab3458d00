package com.rigsync.demo.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import com.rigsync.demo.simulator.VehicleProfile.Duty;
import com.rigsync.demo.simulator.VehicleProfile.Fault;
import com.rigsync.demo.simulator.VehicleProfile.Quirk;

/**
 * The deterministic demo organisation "Springfield Fire Rescue (simulated)": about 40 vehicles over five stations
 * (tags under the parent tag "Fire"), a few police and public works vehicles, and a handful of drivers. The demo's
 * apparatus data derives from {@link #vehicles()}, so keep it stable: change it only together with that data.
 */
public final class SimulatedFleet {

    public static final String ORGANIZATION_ID = "11235813";
    public static final String ORGANIZATION_NAME = "Springfield Fire Rescue (simulated)";

    public static final SimulatedTag FIRE = new SimulatedTag("4815000", "Fire", null);
    public static final SimulatedTag STATION_1 = new SimulatedTag("4815001", "Station 1", FIRE.id());
    public static final SimulatedTag STATION_2 = new SimulatedTag("4815002", "Station 2", FIRE.id());
    public static final SimulatedTag STATION_3 = new SimulatedTag("4815003", "Station 3", FIRE.id());
    public static final SimulatedTag STATION_4 = new SimulatedTag("4815004", "Station 4", FIRE.id());
    public static final SimulatedTag STATION_5 = new SimulatedTag("4815005", "Station 5", FIRE.id());
    public static final SimulatedTag RESERVE = new SimulatedTag("4815009", "Reserve", FIRE.id());
    public static final SimulatedTag POLICE = new SimulatedTag("6021000", "Police", null);
    public static final SimulatedTag PUBLIC_WORKS = new SimulatedTag("7734000", "Public Works", null);

    private static final Instant CREATED = Instant.parse("2023-04-17T14:05:00Z");
    private static final Instant UPDATED = Instant.parse("2025-09-30T16:42:10Z");

    private record Home(double latitude, double longitude, String address) {
    }

    private static final Map<SimulatedTag, Home> HOMES = Map.of(
            STATION_1, new Home(39.80030, -89.64370, "1 Main St, Springfield"),
            STATION_2, new Home(39.77450, -89.67120, "2200 W Lawrence Ave, Springfield"),
            STATION_3, new Home(39.82050, -89.61200, "3125 N Grand Ave E, Springfield"),
            STATION_4, new Home(39.75900, -89.62600, "4400 S 6th St, Springfield"),
            STATION_5, new Home(39.79120, -89.70350, "510 Wabash Ave, Springfield"),
            RESERVE, new Home(39.80030, -89.64370, "1 Main St, Springfield"),
            POLICE, new Home(39.79900, -89.65000, "800 E Monroe St, Springfield"),
            PUBLIC_WORKS, new Home(39.81200, -89.66800, "300 N Yard Rd, Springfield"));
    /** Where a brush truck waits in the fire season: a field west of town, with no street address. */
    private static final Home WILDLAND_STAGING = new Home(39.76150, -89.73900, null);

    private static final SimulatedFleet DEMO = buildDemo();

    private final List<SimulatedVehicle> vehicles;
    private final Map<String, VehicleProfile> profiles;
    private final List<SimulatedDriver> drivers;

    private SimulatedFleet(List<SimulatedVehicle> vehicles, Map<String, VehicleProfile> profiles,
            List<SimulatedDriver> drivers) {
        this.vehicles = List.copyOf(vehicles);
        this.profiles = Map.copyOf(profiles);
        this.drivers = List.copyOf(drivers);
    }

    /** The demo organisation; the same on every call and every machine. */
    public static SimulatedFleet demo() {
        return DEMO;
    }

    /**
     * The demo organisation grown to {@code vehicleCount} vehicles (at least the demo's own), for benchmarks and
     * load tests: the demo vehicles first, then more fire units spread over the five stations, all with checked VINs.
     */
    public static SimulatedFleet withVehicles(int vehicleCount) {
        var builder = demoBuilder();
        Object[][] templates = {
                {"Engine", "Pierce", "Enforcer", 2019, "4P1", Duty.ENGINE},
                {"Medic", "Ford", "F-450", 2022, "1FD", Duty.MEDIC},
                {"Ladder", "E-ONE", "Cyclone", 2014, "4EN", Duty.AERIAL},
                {"Tanker", "Freightliner", "M2 106", 2012, "1FV", Duty.SPECIAL},
                {"Brush", "Chevrolet", "Silverado 3500HD", 2019, "1GC", Duty.SPECIAL},
                {"Rescue", "Spartan", "Gladiator", 2018, "4S7", Duty.SPECIAL},
                {"Engine", "Rosenbauer", "Commander", 2020, "4S7", Duty.ENGINE}};
        List<SimulatedTag> stations = List.of(STATION_1, STATION_2, STATION_3, STATION_4, STATION_5);
        for (int n = builder.vehicles.size() + 1; n <= vehicleCount; n++) {
            Object[] template = templates[n % templates.length];
            builder.add(template[0] + " " + (100 + n), (String) template[1], (String) template[2],
                    (Integer) template[3], (String) template[4], stations.get(n % stations.size()),
                    (Duty) template[5], Fault.NONE);
        }
        return builder.build();
    }

    /**
     * The demo organisation with {@code driverCount} drivers (at least the demo's own), for tests of large driver
     * lists: the demo drivers first, then generated ones spread over the five stations, every tenth deactivated.
     */
    public static SimulatedFleet withDrivers(int driverCount) {
        var builder = demoBuilder();
        String[] first = {"Alex", "Jordan", "Casey", "Riley", "Morgan", "Avery", "Quinn", "Rowan", "Emerson", "Hayden"};
        String[] last = {"Nguyen", "Kowalski", "Okafor", "Schmidt", "Haddad", "Fernandes", "Larsen", "Moreau",
                "Tanaka", "Novak", "Byrne"};
        List<SimulatedTag> stations = List.of(STATION_1, STATION_2, STATION_3, STATION_4, STATION_5);
        for (int n = builder.drivers.size() + 1; n <= driverCount; n++) {
            String given = first[n % first.length];
            String family = last[(n / first.length) % last.length];
            SimulatedTag station = stations.get(n % stations.size());
            builder.driver(given + " " + family + " " + n, given.charAt(0) + family + n, station, null, n % 10 != 0);
        }
        return builder.build();
    }

    /** The vehicles, ordered by id (the order the simulated API lists them in). */
    public List<SimulatedVehicle> vehicles() {
        return vehicles;
    }

    public List<SimulatedDriver> drivers() {
        return drivers;
    }

    public List<SimulatedTag> tags() {
        return List.of(FIRE, STATION_1, STATION_2, STATION_3, STATION_4, STATION_5, RESERVE, POLICE, PUBLIC_WORKS);
    }

    public SimulatedVehicle vehicleNamed(String name) {
        return vehicles.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated vehicle named " + name));
    }

    VehicleProfile profile(String vehicleId) {
        return profiles.get(vehicleId);
    }

    /** The meters a sync keeps a history of. */
    public enum Meter { ODOMETER, ENGINE_SECONDS }

    /** One reading of a meter: metres (odometer) or seconds (engine), taken at {@code time}. */
    public record MeterReading(Instant time, long value) {
    }

    /**
     * A vehicle's latest reading of a meter at {@code at}, as the stats API answers it then (without the fault
     * switches' moved odometers): the OBD stat, or for a vehicle without OBD the GPS odometer or synthetic engine
     * seconds, the way a sync falls back. Empty for a vehicle that reports neither.
     */
    public Optional<MeterReading> latestReading(String vehicleId, Meter meter, Instant at) {
        return meterStat(vehicleId, meter).map(type -> new VehicleTelemetry(profile(vehicleId)).latestMeter(type, at));
    }

    /**
     * What a sync every {@code step} over the {@code span} before {@code until} would have stored for a meter of a
     * vehicle (see {@link #latestReading}): the latest reading at each step, oldest first, each reading once. Only
     * readings older than the latest one at {@code until} are included, so a sync at or after {@code until} still
     * finds a newer one, which continues the series upwards.
     */
    public List<MeterReading> pastReadings(String vehicleId, Meter meter, Instant until, Duration span,
            Duration step) {
        Optional<StatType> stat = meterStat(vehicleId, meter);
        if (stat.isEmpty()) {
            return List.of();
        }
        var telemetry = new VehicleTelemetry(profile(vehicleId));
        Instant newest = telemetry.latestMeter(stat.get(), until).time();
        List<MeterReading> readings = new ArrayList<>();
        for (Instant at = until.minus(span); at.isBefore(until); at = at.plus(step)) {
            MeterReading reading = telemetry.latestMeter(stat.get(), at);
            if (reading.time().isBefore(newest)
                    && (readings.isEmpty() || reading.time().isAfter(readings.getLast().time()))) {
                readings.add(reading);
            }
        }
        return readings;
    }

    private Optional<StatType> meterStat(String vehicleId, Meter meter) {
        SimulatedVehicle vehicle = vehicles.stream().filter(v -> v.id().equals(vehicleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated vehicle " + vehicleId));
        List<StatType> inOrder = meter == Meter.ODOMETER
                ? List.of(StatType.OBD_ODOMETER_METERS, StatType.GPS_ODOMETER_METERS)
                : List.of(StatType.OBD_ENGINE_SECONDS, StatType.SYNTHETIC_ENGINE_SECONDS);
        return inOrder.stream().filter(type -> type.reportedBy(vehicle)).findFirst();
    }

    private static SimulatedFleet buildDemo() {
        return demoBuilder().build();
    }

    private static Builder demoBuilder() {
        var builder = new Builder();
        // station 1
        builder.add("Engine 1", "Pierce", "Enforcer", 2019, "4P1", STATION_1, Duty.ENGINE, Fault.NONE);
        builder.add("Ladder 1", "Pierce", "Ascendant", 2021, "4P1", STATION_1, Duty.AERIAL, Fault.NONE);
        builder.add("Rescue 1", "Spartan", "Gladiator", 2018, "4S7", STATION_1, Duty.SPECIAL, Fault.NONE);
        builder.add("Medic 1", "Ford", "F-450", 2022, "1FD", STATION_1, Duty.MEDIC, Fault.NONE);
        builder.add("Battalion 1", "Chevrolet", "Tahoe", 2023, "1GN", STATION_1, Duty.COMMAND, Fault.NONE);
        // station 2
        builder.add("Engine 2", "E-ONE", "Typhoon", 2016, "4EN", STATION_2, Duty.ENGINE, Fault.J1939_COOLANT);
        builder.add("Truck 2", "E-ONE", "Cyclone", 2014, "4EN", STATION_2, Duty.AERIAL, Fault.NONE);
        builder.add("Medic 2", "Freightliner", "M2 106", 2020, "1FV", STATION_2, Duty.MEDIC, Fault.NONE);
        builder.add("Tanker 2", "Freightliner", "M2 106", 2012, "1FV", STATION_2, Duty.SPECIAL, Fault.NONE);
        builder.add("Brush 2", "Ford", "F-550", 2017, "1FD", STATION_2, Duty.SPECIAL, Fault.NONE);
        builder.add("Medic 7", "Ford", "E-350", 2009, "1FD", STATION_2, Duty.MEDIC, Fault.NONE);
        // station 3
        builder.add("Engine 3", "Rosenbauer", "Commander", 2020, "4S7", STATION_3, Duty.ENGINE, Fault.NONE);
        builder.add("Truck 3", "Pierce", "Arrow XT", 2008, "4P1", STATION_3, Duty.AERIAL, Fault.NONE);
        builder.add("Medic 3", "Ford", "E-450", 2019, "1FD", STATION_3, Duty.MEDIC, Fault.OBDII_CATALYST);
        builder.add("Utility 3", "Ford", "F-250", 2015, "1FT", STATION_3, Duty.UTILITY, Fault.OBDII_ID_ONLY);
        builder.addWithoutObd("Engine 13", "Spartan", "Metro Star", 2005, "4S7", STATION_3, Duty.ENGINE);
        // station 4
        builder.add("Engine 4", "Pierce", "Velocity", 2017, "4P1", STATION_4, Duty.ENGINE, Fault.NONE);
        builder.add("Brush 4", "Ford", "F-550", 2021, "1FD", STATION_4, Duty.SPECIAL, Fault.NONE);
        builder.add("Tanker 4", "Freightliner", "114SD", 2010, "1FV", STATION_4, Duty.SPECIAL, Fault.J1939_AND_OEM);
        builder.add("Medic 4", "Chevrolet", "Silverado 4500HD", 2023, "1GB", STATION_4, Duty.MEDIC, Fault.NONE);
        builder.add("Squad 4", "Spartan", "Gladiator", 2015, "4S7", STATION_4, Duty.SPECIAL, Fault.NONE);
        // station 5
        builder.add("Engine 5", "E-ONE", "Typhoon", 2022, "4EN", STATION_5, Duty.ENGINE, Fault.NONE);
        builder.add("Ladder 5", "Rosenbauer", "Viper", 2024, "4S7", STATION_5, Duty.AERIAL, Fault.NONE);
        builder.add("Medic 5", "Ford", "F-450", 2018, "1FD", STATION_5, Duty.MEDIC, Fault.NONE);
        builder.add("Brush 5", "Chevrolet", "Silverado 3500HD", 2019, "1GC", STATION_5, Duty.SPECIAL, Fault.NONE);
        builder.add("Rescue 5", "E-ONE", "Heavy Rescue", 2011, "4EN", STATION_5, Duty.SPECIAL,
                Fault.J1939_OIL_PRESSURE);
        // administration and reserve
        builder.add("Battalion 2", "Chevrolet", "Tahoe", 2018, "1GN", STATION_4, Duty.COMMAND, Fault.NONE);
        builder.add("Utility 2", "Ford", "F-350", 2013, "1FT", STATION_2, Duty.UTILITY, Fault.NONE);
        builder.add("Car 1", "Ford", "Explorer", 2024, "1FM", STATION_1, Duty.COMMAND, Fault.NONE);
        builder.add("Hazmat 1", "Spartan", "Metro Star", 2013, "4S7", STATION_3, Duty.SPECIAL, Fault.NONE);
        builder.addWithoutObd("Engine 21", "Pierce", "Dash", 1998, "4P1", RESERVE, Duty.RESERVE);
        builder.addWithoutObd("Air 1", "Freightliner", "M2 106", 2007, "1FV", STATION_5, Duty.SPECIAL);
        // no VIN, make or year: a towed trailer with an asset gateway, and a gateway nobody has named yet
        builder.addUnidentified("Decon Trailer 1", STATION_3, Duty.TOWED, false);
        builder.addUnidentified(null, null, Duty.UTILITY, true);
        // ready for service but its gateway is not installed yet: no stats at all
        builder.addWithoutGateway("Engine 6", "Pierce", "Enforcer", 2025, "4P1", STATION_1);
        // other departments of the city, to show tag filtering
        builder.add("Police Unit 11", "Ford", "Police Interceptor Utility", 2022, "1FM", POLICE, Duty.POLICE,
                Fault.NONE);
        builder.add("Police Unit 12", "Chevrolet", "Tahoe PPV", 2021, "1GN", POLICE, Duty.POLICE, Fault.NONE);
        builder.add("Police K9 3", "Ford", "F-150", 2020, "1FT", POLICE, Duty.POLICE, Fault.NONE);
        builder.add("PW Dump 4", "Freightliner", "108SD", 2016, "1FV", PUBLIC_WORKS, Duty.WORKS, Fault.NONE);
        builder.add("PW Pickup 9", "Chevrolet", "Silverado 2500HD", 2020, "1GC", PUBLIC_WORKS, Duty.WORKS,
                Fault.NONE);
        // what the Fleet status tiles show besides the fault codes above
        builder.quirk("Truck 2", Quirk.SILENT_GATEWAY);
        builder.quirk("Tanker 2", Quirk.LOW_FUEL);
        builder.quirk("Brush 2", Quirk.PARKED_WITHOUT_ADDRESS);
        builder.addDrivers();
        return builder;
    }

    private static final class Builder {
        private final List<SimulatedVehicle> vehicles = new ArrayList<>();
        private final Map<String, VehicleProfile> profiles = new LinkedHashMap<>();
        private final List<SimulatedDriver> drivers = new ArrayList<>();

        void add(String name, String make, String model, int year, String wmi, SimulatedTag tag, Duty duty,
                Fault fault) {
            add(name, make, model, year, wmi, tag, duty, fault, true, true, true);
        }

        void addWithoutObd(String name, String make, String model, int year, String wmi, SimulatedTag tag,
                Duty duty) {
            add(name, make, model, year, wmi, tag, duty, Fault.NONE, true, false, true);
        }

        void addWithoutGateway(String name, String make, String model, int year, String wmi, SimulatedTag tag) {
            add(name, make, model, year, wmi, tag, Duty.RESERVE, Fault.NONE, false, false, true);
        }

        void addUnidentified(String name, SimulatedTag tag, Duty duty, boolean hasEngine) {
            add(name, null, null, 0, null, tag, duty, Fault.NONE, true, false, hasEngine);
        }

        private void add(String name, String make, String model, int year, String wmi, SimulatedTag tag, Duty duty,
                Fault fault, boolean hasGateway, boolean obd, boolean hasEngine) {
            int index = vehicles.size() + 1;
            var random = new SplittableRandom(0x5A45_0000L + index * 7919L);
            String id = Long.toString(281_474_977_000_000L + index * 104_729L);
            String serial = gatewaySerial(random);
            String vin = wmi == null ? null : vin(wmi, year, random);
            String plate = tag == null ? null : "M " + (10_000 + random.nextInt(90_000));
            List<SimulatedTag> tags = tag == null ? List.of() : List.of(tag);
            // a gateway nobody has named yet shows its serial as its name and empty strings for the rest
            String blank = name == null ? "" : null;
            vehicles.add(new SimulatedVehicle(id, name == null ? serial : name, vin == null ? blank : vin,
                    make == null ? blank : make, model == null ? blank : model,
                    year == 0 ? blank : Integer.toString(year), plate, serial, tags,
                    CREATED.plusSeconds(index * 3_613L), UPDATED.plusSeconds(index * 5_407L), hasGateway, obd,
                    hasEngine));
            Home home = tag == null ? HOMES.get(STATION_1) : HOMES.getOrDefault(tag, HOMES.get(STATION_1));
            int ageYears = Math.max(1, 2024 - (year == 0 ? 2015 : year));
            long yearlyMeters = duty == Duty.RESERVE ? 4_000_000L : duty.movingSlots * duty.metersPerSlot * 365;
            long yearlyEngineSeconds = duty == Duty.RESERVE ? 300_000L : duty.onSlots * 1_800L * 365;
            long baseOdometer = ageYears * yearlyMeters * 6 / 10 + random.nextLong(1_000_000L);
            long baseEngineSeconds = ageYears * yearlyEngineSeconds * 6 / 10 + random.nextLong(100_000L);
            // fire apparatus and heavy chassis speak J1939; pickups, vans and SUVs speak OBD-II
            boolean heavyDuty = wmi != null && List.of("4P1", "4S7", "4EN", "1FV").contains(wmi);
            profiles.put(id, new VehicleProfile(random.nextLong(), duty.onSlots, duty.movingSlots, duty.metersPerSlot,
                    baseOdometer, baseEngineSeconds, home.latitude(), home.longitude(), home.address(), heavyDuty,
                    fault, Quirk.NONE));
        }

        void quirk(String name, Quirk quirk) {
            String id = vehicles.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().id();
            VehicleProfile profile = profiles.get(id);
            Home home = quirk == Quirk.PARKED_WITHOUT_ADDRESS ? WILDLAND_STAGING
                    : new Home(profile.homeLatitude(), profile.homeLongitude(), profile.homeAddress());
            profiles.put(id, profile.with(quirk, home.latitude(), home.longitude(), home.address()));
        }

        void addDrivers() {
            driver("Maria Alvarez", "MAlvarez", STATION_1, "Engine 1", true);
            driver("Dwayne Brooks", "DBrooks", STATION_1, "Medic 1", true);
            driver("Kenji Watanabe", "KWatanabe", STATION_2, "Engine 2", true);
            driver("Priya Raman", "PRaman", STATION_3, "Medic 3", true);
            driver("Tom O'Neill", "TONeill", STATION_4, null, true);
            driver("Grace Lindqvist", "GLindqvist", STATION_5, "Ladder 5", true);
            driver("Luis Ortega", "LOrtega", STATION_2, null, true);
            driver("Hannah Becker", "HBecker", STATION_3, null, false);
            driver("Sam Whitfield", "SWhitfield", STATION_5, null, false);
        }

        private void driver(String name, String username, SimulatedTag tag, String vehicleName, boolean active) {
            int index = drivers.size() + 1;
            String vehicleId = vehicleName == null ? null : vehicles.stream()
                    .filter(v -> v.name().equals(vehicleName)).findFirst().orElseThrow().id();
            drivers.add(new SimulatedDriver(Long.toString(52_000_100L + index * 37L), name, username,
                    "21755501" + String.format("%02d", index), "S" + (530_000_000L + index * 1_234_567L), "IL",
                    active, Map.of("payrollId", String.format("SFR%05d", 100 + index)), List.of(tag), vehicleId,
                    CREATED.plusSeconds(index * 86_400L), UPDATED.plusSeconds(index * 3_600L)));
        }

        SimulatedFleet build() {
            return new SimulatedFleet(vehicles, profiles, drivers);
        }

        private static String gatewaySerial(SplittableRandom random) {
            var chars = new SimulatedRandomChars(random);
            return chars.next(4) + "-" + chars.next(3) + "-" + chars.next(3);
        }

        private static String vin(String wmi, int year, SplittableRandom random) {
            var chars = new SimulatedRandomChars(random);
            String draft = wmi + chars.next(5) + "0" + modelYearCode(year) + chars.next(1)
                    + String.format("%06d", random.nextInt(1_000_000));
            return VinCheckDigit.withCheckDigit(draft);
        }

        /** Position 10: the model year code, cycling every 30 years and skipping I, O, Q, U, Z and 0. */
        static char modelYearCode(int year) {
            String codes = "ABCDEFGHJKLMNPRSTVWXY123456789";
            return codes.charAt(Math.floorMod(year - 1980, 30));
        }
    }

    /** Random VIN-legal characters (no I, O or Q) for the deterministic fleet. */
    private record SimulatedRandomChars(SplittableRandom random) {
        private static final String ALLOWED = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

        String next(int count) {
            var text = new StringBuilder(count);
            for (int i = 0; i < count; i++) {
                text.append(ALLOWED.charAt(random.nextInt(ALLOWED.length())));
            }
            return text.toString();
        }
    }
}
