package com.rigsync.apparatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates apparatus at start-up, before anyone can sign in (the demo). Never reachable from a screen. */
@Component
public class ApparatusSeeding {

    /** An apparatus as seeded; {@code samsaraVehicleId} may be null (not linked). */
    public record SeedApparatus(String unitName, ApparatusType type, String station, String vin, String make,
                                String model, Integer modelYear, String plate, ApparatusStatus status,
                                String statusReason, String samsaraVehicleId) {
    }

    private final ApparatusRepository apparatus;
    private final CachedSamsaraVehicles vehicleCache;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ApparatusSeeding(ApparatusRepository apparatus, CachedSamsaraVehicles vehicleCache, JdbcTemplate jdbc,
                     Clock clock) {
        this.apparatus = apparatus;
        this.vehicleCache = vehicleCache;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean hasApparatus(long departmentId) {
        return apparatus.existsByDepartmentId(departmentId);
    }

    @Transactional
    public void addApparatus(long departmentId, List<SeedApparatus> seeds, String by) {
        for (SeedApparatus s : seeds) {
            Apparatus a = new Apparatus(departmentId);
            a.setUnitName(s.unitName());
            a.setType(s.type());
            a.setStation(s.station());
            a.setVin(s.vin());
            a.setMake(s.make());
            a.setModel(s.model());
            a.setModelYear(s.modelYear());
            a.setPlate(s.plate());
            a.setStatus(s.status(), s.statusReason());
            a.link(s.samsaraVehicleId(), LinkFlag.NONE);
            a.touch(by, clock.instant());
            apparatus.save(a);
        }
    }

    /** Stores a Samsara vehicle list in the department's cache (the demo's stand-in for a first sync). */
    public void cacheSamsaraVehicles(long departmentId, List<CachedSamsaraVehicle> vehicles) {
        vehicleCache.upsert(departmentId, vehicles);
    }

    /** Telemetry as a sync would have written it, so the demo's linked apparatus show synced columns. */
    @Transactional
    public void recordTelemetry(long departmentId, String unitName, long odometerMeters, long engineSeconds,
                                Instant readAt, Instant syncedAt) {
        apparatus.findByDepartmentIdAndUnitName(departmentId, unitName).ifPresent(a -> jdbc.update("""
                insert into apparatus_telemetry (apparatus_id, odometer_meters, engine_seconds, read_at, synced_at)
                values (?, ?, ?, ?, ?)""", a.getId(), odometerMeters, engineSeconds,
                LocalDateTime.ofInstant(readAt, ZoneOffset.UTC), LocalDateTime.ofInstant(syncedAt, ZoneOffset.UTC)));
    }
}
