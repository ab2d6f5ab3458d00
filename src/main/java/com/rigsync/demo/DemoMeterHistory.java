package com.rigsync.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rigsync.apparatus.ApparatusSyncWriter;
import com.rigsync.apparatus.MeterFlag;
import com.rigsync.apparatus.MeterHistory;
import com.rigsync.apparatus.MeterKind;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedFleet.Meter;
import com.rigsync.demo.simulator.SimulatedFleet.MeterReading;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Months of odometer and engine-hour history for apparatus of the simulated fleet, so the meter charts over 30 days
 * or a year mean something before the department has synced for long. The values are the simulated vehicles' own
 * ({@link SimulatedFleet#pastReadings}): what a sync every {@link #STEP} would have stored, ending before each
 * vehicle's latest reading, so the department's first real sync continues every series upwards and flags nothing.
 * The demo writes it once, at its first start ({@link DemoApparatus}).
 */
@Component
@Profile("demo")
class DemoMeterHistory {

    static final Duration SPAN = Duration.ofDays(182);
    static final Duration STEP = Duration.ofHours(6);

    private final ApparatusSyncWriter apparatus;
    private final MeterHistory meters;

    DemoMeterHistory(ApparatusSyncWriter apparatus, MeterHistory meters) {
        this.apparatus = apparatus;
        this.meters = meters;
    }

    /**
     * The department's apparatus whose unit name is a vehicle's of {@code fleet} (the demo's apparatus are named
     * after them, near misses of the VIN included), with that vehicle's id, by apparatus id.
     */
    Map<Long, String> vehiclesByUnitName(long departmentId, SimulatedFleet fleet) {
        Map<String, String> vehicleIds = new LinkedHashMap<>();
        fleet.vehicles().forEach(v -> vehicleIds.putIfAbsent(v.name(), v.id()));
        Map<Long, String> out = new LinkedHashMap<>();
        apparatus.linkedApparatus(departmentId).forEach(a -> put(out, a.apparatusId(), vehicleIds.get(a.unitName())));
        apparatus.links(departmentId).withoutSamsaraId().forEach(a -> put(out, a.id(), vehicleIds.get(a.unitName())));
        return out;
    }

    /**
     * Writes each apparatus' history of both meters over the {@link #SPAN} before {@code until}, as the vehicle it
     * names reported it, in JDBC batches in one transaction; returns how many readings it stored.
     */
    @Transactional
    int backfill(long departmentId, Map<Long, String> vehicleIdByApparatus, SimulatedFleet fleet, Instant until) {
        List<MeterHistory.NewReading> readings = new ArrayList<>();
        vehicleIdByApparatus.forEach((apparatusId, vehicleId) -> {
            add(readings, apparatusId, MeterKind.ODOMETER,
                    fleet.pastReadings(vehicleId, Meter.ODOMETER, until, SPAN, STEP));
            add(readings, apparatusId, MeterKind.ENGINE_HOURS,
                    fleet.pastReadings(vehicleId, Meter.ENGINE_SECONDS, until, SPAN, STEP));
        });
        // RigSync stored them now, whenever Samsara took them
        meters.insert(departmentId, readings, until);
        return readings.size();
    }

    /** The series as a sync would have judged it: every reading in use, compared with the one before. */
    private static void add(List<MeterHistory.NewReading> readings, long apparatusId, MeterKind kind,
                            List<MeterReading> series) {
        MeterReading previous = null;
        for (MeterReading r : series) {
            readings.add(new MeterHistory.NewReading(apparatusId, kind, r.value(), r.time(), MeterFlag.NONE, null,
                    previous == null ? null : previous.value(), previous == null ? null : previous.time()));
            previous = r;
        }
    }

    private static void put(Map<Long, String> out, long apparatusId, String vehicleId) {
        if (vehicleId != null) {
            out.put(apparatusId, vehicleId);
        }
    }
}
