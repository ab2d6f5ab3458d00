package com.rigsync.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rigsync.apparatus.ApparatusSeeding;
import com.rigsync.apparatus.ApparatusSeeding.SeedApparatus;
import com.rigsync.apparatus.ApparatusStatus;
import com.rigsync.apparatus.ApparatusType;
import com.rigsync.apparatus.CachedSamsaraVehicle;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedFleet.Meter;
import com.rigsync.demo.simulator.SimulatedFleet.MeterReading;
import com.rigsync.demo.simulator.SimulatedTag;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.demo.simulator.VinCheckDigit;
import com.rigsync.department.DepartmentSeeding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's apparatus, created once. Springfield's derive from the simulated fleet's fire vehicles with VINs that
 * match exactly, except the deliberate cases people meet with the magnifier: {@link #O_FOR_ZERO} has an O typed for
 * a 0, {@link #TRANSPOSED} two neighbouring characters swapped, {@link #WITHOUT_VEHICLE} have no Samsara vehicle, and
 * the vehicles in {@link #WITHOUT_APPARATUS} have no apparatus. Only {@link #PRE_LINKED} are linked (with synced
 * values), to show the columns; linking the rest is what the demo is for. The vehicle cache holds the whole simulated
 * organisation, as a first sync would leave it, and every apparatus named after a simulated vehicle gets months of
 * that vehicle's meter history ({@link DemoMeterHistory}).
 */
@Component
@Profile("demo")
@Order(1)
class DemoApparatus implements ApplicationRunner {

    static final String O_FOR_ZERO = "Tanker 4";
    static final String TRANSPOSED = "Brush 4";
    static final Set<String> WITHOUT_APPARATUS = Set.of("Decon Trailer 1", "Car 1", "Utility 2");
    static final List<String> WITHOUT_VEHICLE = List.of("Engine 8", "Marine 1");
    static final List<String> PRE_LINKED = List.of("Engine 1", "Ladder 1", "Medic 1");

    private static final Logger log = LoggerFactory.getLogger(DemoApparatus.class);
    private static final String SEEDED_BY = "RigSync demo";

    private final DepartmentSeeding departments;
    private final ApparatusSeeding apparatus;
    private final DemoMeterHistory meterHistory;
    private final Clock clock;

    DemoApparatus(DepartmentSeeding departments, ApparatusSeeding apparatus, DemoMeterHistory meterHistory,
                  Clock clock) {
        this.departments = departments;
        this.apparatus = apparatus;
        this.meterHistory = meterHistory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long springfield = departments.ensureDepartment(DemoData.SPRINGFIELD, true);
        long shelbyville = departments.ensureDepartment(DemoData.SHELBYVILLE, false);
        if (!apparatus.hasApparatus(springfield)) {
            SimulatedFleet fleet = SimulatedFleet.demo();
            apparatus.cacheSamsaraVehicles(springfield, fleet.vehicles().stream().map(DemoApparatus::cached).toList());
            List<SeedApparatus> seeds = springfieldApparatus(fleet);
            apparatus.addApparatus(springfield, seeds, SEEDED_BY);
            Instant now = clock.instant();
            for (String unit : PRE_LINKED) {
                // the vehicle's own latest readings, so the first sync carries on from them
                String vehicleId = fleet.vehicleNamed(unit).id();
                MeterReading odometer = fleet.latestReading(vehicleId, Meter.ODOMETER, now).orElseThrow();
                MeterReading engine = fleet.latestReading(vehicleId, Meter.ENGINE_SECONDS, now).orElseThrow();
                Instant readAt = odometer.time().isAfter(engine.time()) ? odometer.time() : engine.time();
                apparatus.recordTelemetry(springfield, unit, odometer.value(), engine.value(), readAt,
                        now.minusSeconds(90));
            }
            log.info("Demo: created {} Springfield apparatus and cached {} simulated Samsara vehicles", seeds.size(),
                    fleet.vehicles().size());
            long start = System.nanoTime();
            int readings = meterHistory.backfill(springfield, meterHistory.vehiclesByUnitName(springfield, fleet),
                    fleet, now);
            log.info("Demo: wrote {} days of meter history ({} readings) in {} ms", DemoMeterHistory.SPAN.toDays(),
                    readings, (System.nanoTime() - start) / 1_000_000);
        }
        if (!apparatus.hasApparatus(shelbyville)) {
            apparatus.addApparatus(shelbyville, shelbyvilleApparatus(), SEEDED_BY);
        }
    }

    static List<SeedApparatus> springfieldApparatus(SimulatedFleet fleet) {
        List<SeedApparatus> seeds = new ArrayList<>();
        for (SimulatedVehicle v : fleet.vehicles()) {
            if (!v.hasTagUnder(SimulatedFleet.FIRE.id()) || WITHOUT_APPARATUS.contains(v.name())) {
                continue;
            }
            String vin = v.vin();
            if (v.name().equals(O_FOR_ZERO)) {
                int zero = vin.lastIndexOf('0');
                vin = vin.substring(0, zero) + 'O' + vin.substring(zero + 1);
            } else if (v.name().equals(TRANSPOSED)) {
                int i = 11;
                while (vin.charAt(i) == vin.charAt(i + 1)) {
                    i++;
                }
                vin = vin.substring(0, i) + vin.charAt(i + 1) + vin.charAt(i) + vin.substring(i + 2);
            }
            String station = v.tags().getFirst().name();
            ApparatusStatus status = v.name().equals("Engine 21") ? ApparatusStatus.RESERVE
                    : v.name().equals("Engine 2") ? ApparatusStatus.OUT_OF_SERVICE : ApparatusStatus.IN_SERVICE;
            seeds.add(new SeedApparatus(v.name(), typeOf(v.name()), station, vin, v.make(), v.model(),
                    year(v.year()), v.licensePlate(), status,
                    status == ApparatusStatus.OUT_OF_SERVICE ? "Coolant leak, at the shop" : null,
                    PRE_LINKED.contains(v.name()) ? v.id() : null));
        }
        seeds.add(new SeedApparatus(WITHOUT_VEHICLE.get(0), ApparatusType.ENGINE, SimulatedFleet.STATION_5.name(),
                VinCheckDigit.withCheckDigit("4P1BAAFF0SA000801"), "Pierce", "Enforcer", 2025, null,
                ApparatusStatus.IN_SERVICE, null, null));
        // a European-built boat trailer: no check-digit verdict for non-North-American VINs
        seeds.add(new SeedApparatus(WITHOUT_VEHICLE.get(1), ApparatusType.OTHER, SimulatedFleet.STATION_1.name(),
                "WDB9066331S123456", "Mercedes-Benz", "Sprinter", 2012, "M 40411", ApparatusStatus.IN_SERVICE, null,
                null));
        return seeds;
    }

    private static List<SeedApparatus> shelbyvilleApparatus() {
        return List.of(
                shelby("Engine 1", ApparatusType.ENGINE, "Station 1", "4EN6AAA81B1000101", "E-ONE", "Typhoon", 2011),
                shelby("Engine 2", ApparatusType.ENGINE, "Station 2", "4P1CD01A4EA000202", "Pierce", "Saber", 2014),
                shelby("Truck 1", ApparatusType.LADDER, "Station 1", "4S7AT2D95GC000303", "Spartan", "Gladiator",
                        2016),
                shelby("Medic 1", ApparatusType.AMBULANCE, "Station 1", "1FDUF4HT5JE000404", "Ford", "F-450", 2018),
                shelby("Brush 1", ApparatusType.BRUSH, "Station 2", "1FDUF5HT1HE000505", "Ford", "F-550", 2017));
    }

    private static SeedApparatus shelby(String unit, ApparatusType type, String station, String vin, String make,
                                        String model, int year) {
        return new SeedApparatus(unit, type, station, VinCheckDigit.withCheckDigit(vin), make, model, year, null,
                ApparatusStatus.IN_SERVICE, null, null);
    }

    private static final Map<String, ApparatusType> TYPES = Map.ofEntries(
            Map.entry("Engine", ApparatusType.ENGINE), Map.entry("Ladder", ApparatusType.LADDER),
            Map.entry("Truck", ApparatusType.LADDER), Map.entry("Rescue", ApparatusType.RESCUE),
            Map.entry("Squad", ApparatusType.RESCUE), Map.entry("Hazmat", ApparatusType.RESCUE),
            Map.entry("Medic", ApparatusType.AMBULANCE), Map.entry("Battalion", ApparatusType.COMMAND),
            Map.entry("Car", ApparatusType.COMMAND), Map.entry("Tanker", ApparatusType.TANKER),
            Map.entry("Brush", ApparatusType.BRUSH), Map.entry("Utility", ApparatusType.UTILITY),
            Map.entry("Air", ApparatusType.UTILITY));

    private static ApparatusType typeOf(String name) {
        return TYPES.getOrDefault(name.split(" ")[0], ApparatusType.OTHER);
    }

    private static Integer year(String year) {
        return year == null || year.isBlank() ? null : Integer.valueOf(year);
    }

    private static CachedSamsaraVehicle cached(SimulatedVehicle v) {
        return new CachedSamsaraVehicle(v.id(), v.name(), blankToNull(v.vin()), blankToNull(v.make()),
                blankToNull(v.model()), year(v.year()), v.licensePlate(),
                v.tags().stream().map(SimulatedTag::id).toList(), v.updatedAtTime());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
